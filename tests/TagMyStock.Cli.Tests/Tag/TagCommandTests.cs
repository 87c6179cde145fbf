using System.Text;
using TagMyStock.Cli.Shared;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Reading;

namespace TagMyStock.Cli.Tag;

public sealed class TagCommandTests
{
    [Fact]
    public async Task Tags_a_folder_and_writes_each_chosen_agencys_csv()
    {
        using var folder = new TempFolder();
        folder.CopySample("espresso-cup-on-wooden-table.jpg", "shoot/espresso-cup-on-wooden-table.jpg");
        folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg", "shoot/ladybird-on-grass-stem-among-forget-me-nots.jpg");

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe,shutterstock,freepik", "--out", folder["out"], "--json");

        var espresso = run.File("espresso-cup-on-wooden-table.jpg");
        Assert.Equal("Espresso cup on wooden table", espresso.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal(["espresso", "cup", "wooden", "table"], espresso.GetProperty("metadata").GetProperty("keywords").EnumerateArray().Take(4).Select(k => k.GetString()));
        Assert.Equal(["file-name", "file-name", "file-name", "file-name"], espresso.GetProperty("evidence").EnumerateArray().Take(4).Select(e => e.GetProperty("sources")[0].GetString()));
        Assert.Contains(espresso.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("term").GetString() == "horizontal" && e.GetProperty("sources")[0].GetString() == "pixels");
        Assert.Contains(espresso.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("term").GetString() == "coffee" && e.GetProperty("sources")[0].GetString() == "lexicon");

        var ladybird = run.File("ladybird-on-grass-stem-among-forget-me-nots.jpg").GetProperty("metadata");
        Assert.Equal("Ladybird on a grass stem among forget-me-nots", ladybird.GetProperty("title").GetString());
        Assert.Equal("ladybird", ladybird.GetProperty("keywords")[0].GetString());

        var adobe = await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken);
        Assert.StartsWith("Filename,Title,Keywords,Category,Releases\r\n", adobe, StringComparison.Ordinal);
        Assert.Contains("espresso-cup-on-wooden-table.jpg,Espresso cup on wooden table,\"espresso, cup, wooden, table, horizontal", adobe, StringComparison.Ordinal);
        Assert.StartsWith("Filename,Description,Keywords,Categories,Editorial,Mature content,illustration", await File.ReadAllTextAsync(folder["out/shutterstock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("Filename;Title;Keywords;Prompt;Model", await File.ReadAllTextAsync(folder["out/freepik.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(File.Exists(folder["out/pond5.csv"]));

        using var native = new StreamReader(folder["out/tagmystock.csv"], Encoding.UTF8);
        var rows = MetadataCsvReader.Read(native);
        Assert.Empty(rows.Errors);
        Assert.Equal(2, rows.Rows.Count);
    }

    [Fact]
    public async Task Too_few_keywords_for_shutterstock_is_a_blocking_problem_and_exit_code_1()
    {
        using var folder = new TempFolder();
        folder.CopySample("espresso-cup-on-wooden-table.jpg", "shoot/espresso.jpg");

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "shutterstock", "--out", folder["out"], "--json");

        Assert.Equal(ExitCodes.BlockingProblems, run.ExitCode);
        var shutterstock = run.File("espresso.jpg").GetProperty("agencies")[0];
        Assert.True(shutterstock.GetProperty("blocked").GetBoolean());
        Assert.Contains(shutterstock.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "blocking" && p.GetProperty("field").GetString() == "keywords");
    }

    [Fact]
    public async Task A_hint_drives_title_and_keywords_and_embed_writes_copies_that_read_back()
    {
        using var folder = new TempFolder();
        var original = folder.CopySample("water-drop-splash-crown.jpg", "shoot/water-drop-splash-crown.jpg");
        var before = await File.ReadAllBytesAsync(original, TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--hint", "water drop splashing into a blue pool, macro", "--out", folder["out"], "--embed", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var copy = folder["out/embedded/water-drop-splash-crown.jpg"];
        var embedded = EmbeddedMetadataReader.Read(copy).Metadata;
        Assert.Equal("Water drop splashing into a blue pool macro", embedded.Title);
        Assert.Equal(["water", "drop", "water drop"], embedded.Keywords.Take(3));
        Assert.Subset(embedded.Keywords.ToHashSet(), new HashSet<string> { "blue", "pool", "macro", "splash", "crown", "blue pool" });
        Assert.Equal(before, await File.ReadAllBytesAsync(original, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_ai_prompt_sidecar_flags_the_image_and_banned_agencies_block_it()
    {
        using var folder = new TempFolder();
        folder.CopySample("abstract-teal-orange-swirl.png", "art/abstract-teal-orange-swirl.png");
        folder.CopySample("abstract-teal-orange-swirl.txt", "art/abstract-teal-orange-swirl.txt");

        var run = await CliRun.RunAsync("tag", folder["art"], "--agency", "adobe,shutterstock", "--out", folder["out"], "--json");

        var file = run.File("abstract-teal-orange-swirl.png");
        Assert.Contains("ai-generated", file.GetProperty("metadata").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var agencies = file.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!);
        Assert.True(agencies["shutterstock"].GetProperty("blocked").GetBoolean());
        Assert.Contains(run.Json.GetProperty("notices").EnumerateArray(), n => n.GetString()!.Contains("portal", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(ExitCodes.BlockingProblems, run.ExitCode);
    }

    [Fact]
    public async Task A_bad_file_is_reported_and_the_rest_of_the_batch_goes_on()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg", "shoot/dune-grass-by-the-sea.jpg");
        await File.WriteAllTextAsync(folder["shoot/not-a-photo.jpg"], "this is text, not a JPEG", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--out", folder["out"], "--embed", "--json");

        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
        Assert.Equal("failed", run.File("not-a-photo.jpg").GetProperty("status").GetString());
        Assert.Contains("not-a-photo.jpg", run.File("not-a-photo.jpg").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("failed", run.File("dune-grass-by-the-sea.jpg").GetProperty("status").GetString());
        Assert.True(File.Exists(folder["out/embedded/dune-grass-by-the-sea.jpg"]));
        Assert.Contains("dune-grass-by-the-sea.jpg", await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_embedded_into_still_gets_its_csv_rows()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg", "shoot/dune.jpg");
        await File.WriteAllBytesAsync(folder["shoot/tulips.webp"], [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0x18, 0, 0, 0, .. new byte[24]], TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--hint", "red tulips", "--embed", "--out", folder["out"], "--json");

        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
        Assert.StartsWith("tagged, but no embedded copy: ", run.File("tulips.webp").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("\r\ntulips.webp,Red tulips,", await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(folder["out/embedded/dune.jpg"]));
    }

    [Fact]
    public async Task User_rules_apply_to_the_engines_output()
    {
        using var folder = new TempFolder();
        folder.CopySample("rocket-on-launch-pad-at-dusk.jpg", "shoot/rocket-on-launch-pad-at-dusk.jpg");
        await File.WriteAllTextAsync(folder["rules.json"], """{"requiredKeywords":["acme"],"bannedWords":["dusk"],"titleStyle":"titleCase","singleWordKeywordsOnly":true}""", TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe", "--rules", folder["rules.json"], "--out", folder["out"], "--json");

        var file = run.File("rocket-on-launch-pad-at-dusk.jpg");
        var metadata = file.GetProperty("metadata");
        var keywords = metadata.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.Contains("acme", keywords);
        Assert.Contains("launch", keywords);
        Assert.DoesNotContain("launch pad", keywords);
        Assert.DoesNotContain("dusk", keywords);
        Assert.Equal("Rocket on Launch Pad", metadata.GetProperty("title").GetString());
        // Every keyword kept says why it is there, the one the rules added too; what they removed says nothing.
        var evidence = file.GetProperty("evidence").EnumerateArray().ToDictionary(e => e.GetProperty("term").GetString()!);
        Assert.All(keywords, keyword => Assert.True(evidence.ContainsKey(keyword), $"{keyword} has no evidence"));
        Assert.Equal(["user-rules"], evidence["acme"].GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["required by your rules"], evidence["acme"].GetProperty("reasons").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("dusk", evidence.Keys);
    }

    [Fact]
    public async Task Rename_writes_copies_under_names_every_chosen_agency_accepts_and_the_csvs_use_them()
    {
        using var folder = new TempFolder();
        folder.CopySample("storm-clouds-over-empty-highway.jpg", "a/storm-clouds-over-empty-highway.jpg");
        folder.CopySample("storm-clouds-over-empty-highway.jpg", "b/storm-clouds-over-empty-highway.jpg");

        var run = await CliRun.RunAsync("tag", folder["a"], folder["b"], "--agency", "adobe,shutterstock", "--hint", "storm clouds over an empty highway", "--embed", "--rename", "--out", folder["out"], "--json");

        var outputs = run.Json.GetProperty("files").EnumerateArray().Select(file => Path.GetFileName(file.GetProperty("output").GetString())).ToList();
        Assert.Equal(["StormCloudsOverEmptyHighwa.jpg", "StormCloudsOverEmptyHighw2.jpg"], outputs);
        Assert.All(outputs, name => Assert.True(File.Exists(folder[Path.Combine("out", "embedded", name!)])));
        Assert.DoesNotContain(run.Json.GetProperty("files").EnumerateArray().SelectMany(f => f.GetProperty("agencies").EnumerateArray()).SelectMany(a => a.GetProperty("problems").EnumerateArray()), p => p.GetProperty("field").GetString() == "filename");
        var shutterstock = await File.ReadAllTextAsync(folder["out/shutterstock.csv"], TestContext.Current.CancellationToken);
        Assert.Contains("\r\nStormCloudsOverEmptyHighwa.jpg,", shutterstock, StringComparison.Ordinal);
        Assert.Contains("\r\nStormCloudsOverEmptyHighw2.jpg,", shutterstock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_images_with_one_name_fail_the_second_without_rename()
    {
        using var folder = new TempFolder();
        folder.CopySample("water-drop-splash-crown.jpg", "a/drop.jpg");
        folder.CopySample("water-drop-splash-crown.jpg", "b/drop.jpg");

        var run = await CliRun.RunAsync("tag", folder["a"], folder["b"], "--agency", "adobe", "--hint", "water drop", "--out", folder["out"], "--json");

        var statuses = run.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("status").GetString()).ToList();
        Assert.Equal(["ok", "failed"], statuses);
        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
    }

    [Fact]
    public async Task Categories_given_by_name_are_written_as_each_agencys_code()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg", "shoot/dune.jpg");

        var run = await CliRun.RunAsync("tag", folder["shoot"], "--agency", "adobe,shutterstock", "-c", "adobe=Landscapes", "-c", "Shutterstock=nature,Parks/Outdoor", "--out", folder["out"], "--json");

        var categories = run.File("dune.jpg").GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!, a => a.GetProperty("problems"));
        Assert.DoesNotContain(categories["adobe"].EnumerateArray(), p => p.GetProperty("field").GetString() == "category");
        Assert.Matches("\r\ndune.jpg,,\"dune, [^\"]*\",11,", await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken));
        Assert.Contains(",\"nature,Parks/Outdoor\",", await File.ReadAllTextAsync(folder["out/shutterstock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_chooses_each_agencys_category_from_the_hint_says_why_and_an_option_overrides_it()
    {
        using var folder = new TempFolder();
        folder.CopySample("espresso-cup-on-wooden-table.jpg", "shoot/IMG_0001.jpg");
        string[] tag = ["tag", folder["shoot"], "--agency", "adobe,shutterstock", "--hint", "cup of espresso on a wooden cafe table", "--out", folder["out"], "--json"];

        var chosen = (await CliRun.RunAsync(tag)).File("IMG_0001.jpg");

        var categories = chosen.GetProperty("metadata").GetProperty("categories");
        Assert.Equal("4", categories.GetProperty("adobe").GetString());
        Assert.Equal("Food and Drink", categories.GetProperty("shutterstock").GetString());
        var why = Assert.Single(chosen.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("term").GetString() == "category:adobe:4");
        Assert.Equal("hint", why.GetProperty("sources")[0].GetString());
        Assert.Equal("Drinks, for \"espresso\"", why.GetProperty("reasons")[0].GetString());
        Assert.Contains(",4,", await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var given = (await CliRun.RunAsync([.. tag, "-c", "adobe=Food"])).File("IMG_0001.jpg");

        Assert.Contains(",7,", await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(given.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("term").GetString()!.StartsWith("category:adobe", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("adobe")]
    [InlineData("gety=Nature")]
    public async Task A_malformed_category_option_is_a_usage_error(string option)
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg");

        var run = await CliRun.RunAsync("tag", folder.Path, "-c", option, "--out", folder["out"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--category", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_not_silently_ignored()
    {
        var run = await CliRun.RunAsync("tag", "samples", "--hnt", "cat");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("hnt", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_without_embed_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg");

        var run = await CliRun.RunAsync("tag", folder.Path, "--rename", "--out", folder["out"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--embed", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_agency_is_a_usage_error_on_standard_error()
    {
        using var folder = new TempFolder();
        folder.CopySample("dune-grass-by-the-sea.jpg");

        var run = await CliRun.RunAsync("tag", folder.Path, "--agency", "adobe,gettyy", "--json");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("gettyy", run.Errors, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Tables_are_printed_without_json()
    {
        using var folder = new TempFolder();
        folder.CopySample("storm-clouds-over-empty-highway.jpg");

        var run = await CliRun.RunAsync("tag", folder.Path, "--agency", "adobe", "--out", folder["out"]);

        Assert.Contains("storm-clouds-over-empty-highway.jpg", run.Output, StringComparison.Ordinal);
        Assert.Contains("Storm clouds over empty highway", run.Output, StringComparison.Ordinal);
        Assert.Contains("adobe-stock.csv", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_many_agencies_the_table_counts_them_in_one_column()
    {
        using var folder = new TempFolder();
        folder.CopySample("storm-clouds-over-empty-highway.jpg", "storm.jpg");

        var run = await CliRun.RunAsync("tag", folder.Path, "--hint", "storm clouds over an empty highway, dramatic sky, road trip", "--out", folder["out"]);

        Assert.Contains("10 agencies", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("│ shutterstock", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ ✓ \d+ ! \d+ ✗", run.Output);
    }

    [Fact]
    public async Task Help_lists_every_command_with_examples()
    {
        var run = await CliRun.RunAsync("tag", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--hint", run.Output, StringComparison.Ordinal);
        Assert.Contains("EXAMPLES", run.Output, StringComparison.Ordinal);
        // An example is a command a shell can run as printed: the hint's words stay one argument.
        Assert.Contains("--hint \"cat resting on a blanket\"", run.Output, StringComparison.Ordinal);
    }
}
