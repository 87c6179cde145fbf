using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Agencies.Profiles;
using TagMyStock.Core.Keywords;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Tagging;
using TagMyStock.Vision;
using TagMyStock.Web.Features.Jobs;

namespace TagMyStock.Web.Features.Tagging;

public sealed class TaggingTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";

    [Theory, ClassData(typeof(Databases))]
    public async Task Tagging_one_image_saves_what_the_cli_pipeline_makes_of_the_engine_result_on_its_pixels(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        const string hint = "espresso cup on a wooden table, morning coffee";

        var response = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<TagResponse>(TestContext.Current.CancellationToken))!;
        IReadOnlyList<AgencyProfile> defaults = [AdobeStock.Profile, Shutterstock.Profile];
        var engine = app.Services.GetRequiredService<LocalEngine>().Tag(new TaggingInput(Espresso, hint, null, ImageMetadata.Empty) { ImagePath = Images.SamplePath(Espresso), Agencies = defaults });
        var expected = AgencyPreparation.Prepare(Espresso, engine.Metadata, defaults, rules: null).ForEmbedding;
        var stored = await Images.GetAsync(app, id);
        Assert.Equal(expected, stored.Metadata);
        Assert.Contains("espresso", stored.Keywords);
        Assert.Equal("local", stored.TaggedBy);
        Assert.NotNull(stored.TaggedAt);
        Assert.Equal(1, stored.Version);
        Assert.Equal(engine.Embedding!.ToBytes(), stored.Embedding);
        Assert.Equal(expected.Title, body.Metadata.Title);
        Assert.Equal(expected.Keywords, body.Metadata.Keywords);
        Assert.Equal(1, body.Version);
        Assert.Equal(["adobe", "shutterstock"], body.Agencies.Select(agency => agency.Agency));
        Assert.Contains(body.Evidence, evidence => evidence.Term == "espresso" && evidence.Sources.Contains("Hint"));
        Assert.Contains(body.Evidence, evidence => evidence.Sources.Contains("Pixels") && evidence.Reasons.Count > 0);

        // The evidence is kept with the metadata, for exactly the keywords, flags and categories that were kept.
        Assert.NotEmpty(stored.Evidence);
        Assert.All(stored.Evidence, evidence => Assert.True(
            EvidenceTerm.IsFlag(evidence.Term) ? stored.Metadata.Has(EvidenceTerm.Flag(evidence.Term))
            : EvidenceTerm.IsCategory(evidence.Term, out var agency, out var code) ? stored.Metadata.CategoryFor(agency) == code
            : stored.Keywords.Select(KeywordHygiene.Key).Contains(KeywordHygiene.Key(evidence.Term)),
            $"{evidence.Term} is not in the saved metadata"));
        Assert.Equal("4", stored.Metadata.CategoryFor("adobe"));
        Assert.Contains(stored.Evidence, evidence => evidence.Term == "espresso" && evidence.Sources[0] == EvidenceSource.Hint);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Tagging_a_selection_runs_as_a_job_to_the_end_and_leaves_other_accounts_alone(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var first = await Images.AddAsync(app, ada.Id, Espresso);
        var second = await Images.AddAsync(app, ada.Id, "water-drop-splash-crown.jpg");
        var bobs = await Images.AddAsync(app, bob.Id, "dune-grass-by-the-sea.jpg");

        var response = await ada.Client.PostAsJsonAsync("/api/images/tag", new { ids = new[] { first, bobs, second, Guid.NewGuid() }, hint = "studio shot" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<JobResponse>(TestContext.Current.CancellationToken))!;
        Assert.Equal($"/api/jobs/{job.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((2, 2), (job.Detail<TagSelectionDetail>().Total, job.Detail<TagSelectionDetail>().NotFound));
        var finished = await JobPolling.WaitUntilFinishedAsync(ada.Client, job.Id);
        Assert.Equal(("succeeded", 2, 0, 100), (finished.State, finished.Detail<TagSelectionDetail>().Done, finished.Detail<TagSelectionDetail>().Failed, finished.Percent));
        Assert.Equal("local", (await Images.GetAsync(app, first)).TaggedBy);
        Assert.Equal("local", (await Images.GetAsync(app, second)).TaggedBy);
        Assert.Contains("studio", (await Images.GetAsync(app, second)).Keywords);
        var untouched = await Images.GetAsync(app, bobs);
        Assert.Null(untouched.TaggedBy);
        Assert.Empty(untouched.Keywords);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/jobs/{job.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_job_left_unfinished_by_a_stop_is_taken_up_when_the_app_starts_again()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var done = await Images.AddAsync(app, ada.Id, Espresso);
        var left = await Images.AddAsync(app, ada.Id, "water-drop-splash-crown.jpg");
        var jobId = Guid.NewGuid();
        await app.WithDbAsync(db =>
        {
            // As a stop leaves it: running, its first image done and checkpointed.
            db.Add(new Job
            {
                Id = jobId,
                OwnerId = ada.Id,
                Kind = "tag",
                State = JobState.Running,
                Attempts = 1,
                Input = $$"""{"imageIds":["{{done}}","{{left}}"],"hint":null,"notFound":0}""",
                Checkpoint = """{"done":1,"failed":0,"failures":[]}""",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        await using var restarted = app.WithWebHostBuilder(_ => { });
        var client = restarted.CreateClient(new() { BaseAddress = new Uri("https://tagmystock.test"), AllowAutoRedirect = false });
        await Users.SignInAsync(client, ada.Email);
        var finished = await JobPolling.WaitUntilFinishedAsync(client, jobId);

        Assert.Equal((2, 0, 2), (finished.Detail<TagSelectionDetail>().Done, finished.Detail<TagSelectionDetail>().Failed, finished.Attempts));
        Assert.Null((await Images.GetAsync(app, done)).TaggedBy);
        Assert.Equal("local", (await Images.GetAsync(app, left)).TaggedBy);
    }

    [Fact]
    public async Task Another_accounts_image_is_not_found_and_not_tagged()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var adas = await Images.AddAsync(app, ada.Id, Espresso);

        var response = await bob.Client.PostAsJsonAsync($"/api/images/{adas}/tag", new { hint = "cup" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await Images.GetAsync(app, adas)).TaggedBy);
    }

    [Fact]
    public async Task A_hint_too_long_or_of_the_wrong_kind_and_an_empty_selection_are_refused_with_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);

        var tooLong = await ada.Client.PostAsJsonAsync($"/api/images/{id}/tag", new { hint = new string('a', 1001) }, TestContext.Current.CancellationToken);
        var empty = await ada.Client.PostAsJsonAsync("/api/images/tag", new { ids = Array.Empty<Guid>() }, TestContext.Current.CancellationToken);
        var withoutBody = await ada.Client.PostAsync($"/api/images/{id}/tag", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Keep the hint under 1000 characters", await tooLong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Select between 1 and", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutBody.StatusCode);
    }

    [Fact]
    public async Task Writes_without_the_pages_antiforgery_token_are_refused()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var id = await Images.AddAsync(app, ada.Id, Espresso);
        var withoutToken = await Users.SignUpAsync(app, "Eve");

        var routes = new[] { $"/api/images/{id}/tag", "/api/images/tag", $"/api/images/{id}/fix", $"/api/images/{id}/copy-metadata" };
        foreach (var route in routes)
        {
            var response = await withoutToken.PostAsJsonAsync(route, new { }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var put = await withoutToken.PutAsJsonAsync($"/api/images/{id}/metadata", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Null((await Images.GetAsync(app, id)).TaggedAt);
    }
}
