using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TagMyStock.Core.Tagging;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Tagging.OpenRouter;

public sealed class AppWithoutKeysTests
{
    [Fact]
    public async Task The_app_starts_without_keys_keeps_its_default_engine_and_says_what_is_not_configured()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var vision = services.GetRequiredKeyedService<ITaggingEngine>(OpenRouterTaggingEngine.EngineName);
        var failure = await Assert.ThrowsAsync<ExternalServiceException>(() => vision.TagAsync(new TaggingInput("a.jpg", null, null, Core.Metadata.ImageMetadata.Empty), TestContext.Current.CancellationToken));

        Assert.NotEqual(OpenRouterTaggingEngine.EngineName, services.GetRequiredService<ITaggingEngine>().Name);
        Assert.Equal(ExternalServiceFailure.NotConfigured, failure.Failure);
        Assert.False(services.GetRequiredService<FalQueueClient>().IsConfigured);
        var catalogue = services.GetRequiredService<IOptions<FalOptions>>().Value.Models;
        Assert.Equal(Enum.GetValues<FalModelKind>().ToHashSet(), catalogue.Values.Select(model => model.Kind).ToHashSet());
        Assert.Equal(3, catalogue.Values.Count(model => model.Kind == FalModelKind.TextToImage));
        Assert.All(catalogue.Values, model => Assert.True(model.Price > 0, model.Id));
    }
}
