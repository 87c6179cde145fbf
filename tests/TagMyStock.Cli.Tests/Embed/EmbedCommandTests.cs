using TagMyStock.Cli.Shared;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Embed;

public sealed class EmbedCommandTests
{
    [Fact]
    public async Task Embeds_each_row_into_its_file_as_copies_and_reports_rows_without_a_file()
    {
        using var folder = new TempFolder();
        var source = folder.CopySample("rocket-on-launch-pad-at-dusk.jpg", "shoot/rocket-on-launch-pad-at-dusk.jpg");
        folder.CopySample("tabby-cat-with-green-eyes.png", "shoot/tabby-cat-with-green-eyes.png");
        var before = await File.ReadAllBytesAsync(source, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            folder["meta.csv"],
            "Filename,Title,Description,Keywords\n"
            + "rocket-on-launch-pad-at-dusk.jpg,Rocket ready for launch at dusk,\"A rocket stands on its launch pad, lit at dusk.\",\"rocket, launch, space, dusk, spaceflight\"\n"
            + "Tabby-Cat-With-Green-Eyes.PNG,Tabby cat with green eyes,A tabby cat looks into the camera.,\"cat, tabby, pet\"\n"
            + "missing.jpg,Nothing here,,\"a, b\"\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("embed", folder["meta.csv"], folder["shoot"], "--out", folder["ready"], "--json");

        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
        var rocket = EmbeddedMetadataReader.Read(folder["ready/rocket-on-launch-pad-at-dusk.jpg"]).Metadata;
        Assert.Equal("Rocket ready for launch at dusk", rocket.Title);
        Assert.Equal("A rocket stands on its launch pad, lit at dusk.", rocket.Description);
        Assert.Equal(["rocket", "launch", "space", "dusk", "spaceflight"], rocket.Keywords);
        Assert.Equal(["cat", "tabby", "pet"], EmbeddedMetadataReader.Read(folder["ready/tabby-cat-with-green-eyes.png"]).Metadata.Keywords);
        Assert.Contains("missing.jpg", run.File("missing.jpg").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(source, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_out_the_files_are_updated_in_place_and_empty_cells_keep_what_the_file_says()
    {
        using var folder = new TempFolder();
        var ladybird = folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg");
        await File.WriteAllTextAsync(
            folder["shutterstock.csv"],
            "Filename,Description,Keywords,Categories,Editorial,Mature content,illustration\r\n"
            + "ladybird-on-grass-stem-among-forget-me-nots.jpg,A ladybird climbs a grass stem.,\"ladybird,insect,macro\",Animals/Wildlife,no,no,no\r\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("embed", folder["shutterstock.csv"], folder.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metadata = EmbeddedMetadataReader.Read(ladybird).Metadata;
        Assert.Equal("Ladybird on a grass stem among forget-me-nots", metadata.Title);
        Assert.Equal("A ladybird climbs a grass stem.", metadata.Description);
        Assert.Equal(["ladybird", "insect", "macro"], metadata.Keywords);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp*"));
    }

    [Fact]
    public async Task A_csv_without_an_ai_column_keeps_the_ai_declaration_the_file_has()
    {
        using var folder = new TempFolder();
        var image = DeclaredAiGenerated(folder.CopySample("abstract-teal-orange-swirl.png"));
        await File.WriteAllTextAsync(
            folder["meta.csv"],
            "Filename,Title,Description,Keywords\n"
            + "abstract-teal-orange-swirl.png,Teal and orange swirl,Abstract teal and orange paint swirls.,\"abstract, swirl, teal\"\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("embed", folder["meta.csv"], folder.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metadata = EmbeddedMetadataReader.Read(image).Metadata;
        Assert.Equal("Teal and orange swirl", metadata.Title);
        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, metadata.DigitalSourceType);
        var reported = run.File("abstract-teal-orange-swirl.png").GetProperty("metadata");
        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, reported.GetProperty("digitalSourceType").GetString());
        Assert.Contains("ai-generated", reported.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()));
    }

    [Fact]
    public async Task A_csv_whose_ai_column_says_no_removes_the_ai_declaration()
    {
        using var folder = new TempFolder();
        var image = DeclaredAiGenerated(folder.CopySample("dune-grass-by-the-sea.jpg"));
        await File.WriteAllTextAsync(
            folder["meta.csv"],
            "Filename,Title,Description,Keywords,AI generated\n"
            + "dune-grass-by-the-sea.jpg,Dune grass by the sea,Dune grass bends in the wind above the sea.,\"dune, grass, sea\",no\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("embed", folder["meta.csv"], folder.Path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metadata = EmbeddedMetadataReader.Read(image).Metadata;
        Assert.Equal("Dune grass by the sea", metadata.Title);
        Assert.Null(metadata.DigitalSourceType);
        Assert.False(metadata.Has(ContentFlags.AiGenerated));
    }

    [Fact]
    public async Task Prints_failures_and_a_count_not_a_row_per_file()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg");
        await File.WriteAllTextAsync(folder["meta.csv"], "Filename,Title,Keywords\ndune-grass-by-the-sea.jpg,Dune grass,\"dune, grass\"\ngone.jpg,Gone,x\n", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("embed", folder["meta.csv"], folder.Path, "--out", folder["ready"]);

        Assert.DoesNotContain("╭", run.Output, StringComparison.Ordinal);
        Assert.Contains("failed gone.jpg is named in the CSV but is not in the folder.", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 file(s): 1 ready, 0 with blocking problems, 1 failed.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_csv_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync("embed", folder["nope.csv"], folder.Path);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("nope.csv", run.Errors, StringComparison.Ordinal);
    }

    /// <summary>Declares the file a composite with generative AI, as an editor that used inpainting would.</summary>
    private static string DeclaredAiGenerated(string path)
    {
        var declared = new ImageMetadata
        {
            Title = "Before",
            Flags = ContentFlags.AiGenerated,
            DigitalSourceType = DigitalSourceType.CompositeWithTrainedAlgorithmicMedia,
        };
        MetadataEmbedder.EmbedFile(path, path, declared);
        Assert.Equal(DigitalSourceType.CompositeWithTrainedAlgorithmicMedia, EmbeddedMetadataReader.Read(path).Metadata.DigitalSourceType);
        return path;
    }
}
