using TagMyStock.Cli.Shared;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;

namespace TagMyStock.Cli.Tag;

public sealed class PixelTaggingTests
{
    [Fact]
    public async Task Json_shows_what_the_pixels_measured_for_each_keyword()
    {
        using var folder = new TempFolder();
        folder.CopySample("storm-clouds-over-empty-highway.jpg", "shoot/IMG_0042.jpg");

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--out", folder["out"], "--json");

        var file = run.File("IMG_0042.jpg");
        var evidence = file.GetProperty("evidence").EnumerateArray().ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, e => Assert.Equal(["pixels"], e.GetProperty("sources").EnumerateArray().Select(s => s.GetString())));
        Assert.All(evidence, e => Assert.NotEmpty(e.GetProperty("reasons").EnumerateArray()));
        Assert.Contains("horizontal", file.GetProperty("metadata").GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(file.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("hint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Learn_from_teaches_the_keywords_and_title_of_tagged_files_to_a_crop_of_one_of_them()
    {
        using var folder = new TempFolder();
        Tagged(folder, "ladybird-on-grass-stem-among-forget-me-nots.jpg", "Ladybird on a grass stem among forget-me-nots", "ladybird", "insect", "forget-me-not");
        Tagged(folder, "espresso-cup-on-wooden-table.jpg", "Cup of espresso on a wooden table", "espresso", "coffee", "cup");
        Tagged(folder, "rocket-on-launch-pad-at-dusk.jpg", "Rocket on the launch pad at dusk", "rocket", "launch pad", "dusk");
        folder.CopySample("water-drop-splash-crown.jpg", "library/untagged.jpg");
        using (var ladybird = NetVips.Image.NewFromFile(folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg", "source.jpg")))
        using (var crop = ladybird.Crop(ladybird.Width / 10, ladybird.Height / 10, ladybird.Width * 8 / 10, ladybird.Height * 8 / 10))
        {
            Directory.CreateDirectory(folder["shoot"]);
            crop.Jpegsave(folder["shoot/IMG_2001.jpg"], q: 85, keep: NetVips.Enums.ForeignKeep.None);
        }

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--learn-from", folder["library"], "--agency", "adobe", "--out", folder["out"], "--json");

        var file = run.File("IMG_2001.jpg");
        var evidence = file.GetProperty("evidence").EnumerateArray().ToDictionary(e => e.GetProperty("term").GetString()!);
        Assert.Equal("Ladybird on a grass stem among forget-me-nots", file.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal("similar-images", evidence["field:title"].GetProperty("sources")[0].GetString());
        Assert.StartsWith("title of ladybird-on-grass-stem-among-forget-me-nots.jpg, similarity 0.", evidence["field:title"].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        foreach (var keyword in new[] { "ladybird", "insect", "forget-me-not" })
        {
            Assert.Equal("similar-images", evidence[keyword].GetProperty("sources")[0].GetString());
            Assert.Contains("ladybird-on-grass-stem-among-forget-me-nots.jpg", evidence[keyword].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("coffee", evidence.Keys);
        Assert.DoesNotContain("rocket", evidence.Keys);
        Assert.Contains(run.Json.GetProperty("notices").EnumerateArray(), n => n.GetString()!.StartsWith("Learned from 3 tagged image(s)", StringComparison.Ordinal) && n.GetString()!.Contains("1 without keywords", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Near_identical_images_of_a_batch_are_reported_as_a_group()
    {
        using var folder = new TempFolder();
        folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg", "shoot/IMG_3001.jpg");
        folder.CopySample("espresso-cup-on-wooden-table.jpg", "shoot/IMG_3002.jpg");
        using (var ladybird = NetVips.Image.NewFromFile(folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg", "source.jpg")))
        using (var crop = ladybird.Crop(ladybird.Width / 8, ladybird.Height / 8, ladybird.Width * 3 / 4, ladybird.Height * 3 / 4))
        {
            crop.Jpegsave(folder["shoot/IMG_3003.jpg"], q: 85, keep: NetVips.Enums.ForeignKeep.None);
        }

        var json = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--out", folder["out"], "--json");
        var text = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--out", folder["out"]);

        var group = Assert.Single(json.Json.GetProperty("nearDuplicates").EnumerateArray());
        Assert.Equal(["IMG_3001.jpg", "IMG_3003.jpg"], group.EnumerateArray().Select(file => Path.GetFileName(file.GetString())));
        Assert.Contains("Near duplicates (agencies reject series of near-identical images; submit the best one): IMG_3001.jpg, IMG_3003.jpg.", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learn_from_a_missing_folder_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg", "shoot/dune.jpg");

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--learn-from", folder["nowhere"], "--out", folder["out"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--learn-from", run.Errors, StringComparison.Ordinal);
    }

    private static void Tagged(TempFolder folder, string sample, string title, params string[] keywords)
    {
        Directory.CreateDirectory(folder["library"]);
        MetadataEmbedder.EmbedFile(folder.CopySample(sample, "source-" + sample), folder["library/" + sample], new ImageMetadata { Title = title, Keywords = keywords });
    }
}
