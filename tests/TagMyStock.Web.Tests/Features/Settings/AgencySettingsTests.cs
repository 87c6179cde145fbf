using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Web.Features.Editor;

namespace TagMyStock.Web.Features.Settings;

public sealed class AgencySettingsTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_chosen_agencies_are_what_the_metadata_is_checked_against(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, "espresso-cup-on-wooden-table.jpg");
        var before = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;
        var page = await ada.Client.GetStringAsync("/settings/agencies", TestContext.Current.CancellationToken);

        var saved = await Forms.SubmitAsync(ada.Client, "/settings/agencies", "agencies", new Dictionary<string, string> { ["Chosen"] = "alamy" });
        var after = (await ada.Client.GetFromJsonAsync<MetadataResponse>($"/api/images/{id}/metadata", TestContext.Current.CancellationToken))!;

        Assert.Equal(["adobe", "shutterstock"], before.Agencies.Select(agency => agency.Agency));
        Assert.Contains("value=\"adobe\" checked", page, StringComparison.Ordinal);
        Assert.Contains("value=\"alamy\" />", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["alamy"], after.Agencies.Select(agency => agency.Agency));
    }

    [Fact]
    public async Task Choosing_no_agency_is_refused_and_keeps_the_choice()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);

        var response = await Forms.SubmitAsync(ada.Client, "/settings/agencies", "agencies", new Dictionary<string, string>());

        Assert.Contains("Choose at least one agency.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var agencies = await app.WithScopeAsync(services => services.GetRequiredService<IAccountSettings>().GetAgenciesAsync(ada.Id, TestContext.Current.CancellationToken));
        Assert.Equal(["adobe", "shutterstock"], agencies.Select(agency => agency.Id));
    }
}
