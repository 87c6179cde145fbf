using TagMyStock.Cli.Shared;
namespace TagMyStock.Cli.Validate;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Reports_every_problem_per_row_of_an_agency_csv_and_keeps_going_past_bad_rows()
    {
        using var folder = new TempFolder();
        var csv = folder["shutterstock.csv"];
        await File.WriteAllTextAsync(
            csv,
            "Filename,Description,Keywords,Categories,Editorial,Mature content,illustration\r\n"
            + "good.jpg,Red tulips in a spring garden,\"tulip,red,spring,garden,flower,bloom,petal\",Nature,no,no,no\r\n"
            + ",Missing file name,\"a,b\",Nature,no,no,no\r\n"
            + "few.jpg,Tulips,\"tulip,red\",Nature,no,no,no\r\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("validate", csv, "--json");

        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
        Assert.Equal("ok", run.File("good.jpg").GetProperty("status").GetString());
        Assert.Equal("blocked", run.File("few.jpg").GetProperty("status").GetString());
        var agencies = run.File("few.jpg").GetProperty("agencies");
        Assert.Equal("shutterstock", Assert.Single(agencies.EnumerateArray()).GetProperty("agency").GetString());
        Assert.Contains(run.Json.GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() == $"{csv}:3" && f.GetProperty("status").GetString() == "failed");
    }

    [Fact]
    public async Task Checks_metadata_embedded_in_images_against_the_chosen_agency()
    {
        using var folder = new TempFolder();
        folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg", "ladybird.jpg");
        folder.CopySample("ladybird-on-grass-stem-among-forget-me-nots.jpg");
        folder.CopySample("dune-grass-by-the-sea.jpg", "dune.jpg");

        var run = await CliRun.RunAsync("validate", folder.Path, "--agency", "adobe", "--json");

        Assert.Equal(ExitCodes.BlockingProblems, run.ExitCode);

        // Tagged well, but the samples are 1200 × 750: only the size stands between it and Adobe Stock.
        var sizeOnly = Assert.Single(run.File("ladybird.jpg").GetProperty("agencies")[0].GetProperty("problems").EnumerateArray());
        Assert.Equal(("imagesize", "blocking"), (sizeOnly.GetProperty("field").GetString(), sizeOnly.GetProperty("severity").GetString()));
        Assert.StartsWith("0.9 MP (1200 × 750): under Adobe Stock's 4 MP minimum.", sizeOnly.GetProperty("message").GetString(), StringComparison.Ordinal);
        var longName = run.File("ladybird-on-grass-stem-among-forget-me-nots.jpg").GetProperty("agencies")[0].GetProperty("problems");
        Assert.Contains(longName.EnumerateArray(), p => p.GetProperty("field").GetString() == "filename" && p.GetProperty("message").GetString()!.Contains("30", StringComparison.Ordinal));
        var untagged = run.File("dune.jpg").GetProperty("agencies")[0].GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(untagged, p => p.GetProperty("field").GetString() == "title" && p.GetProperty("severity").GetString() == "blocking");
        Assert.Contains(untagged, p => p.GetProperty("field").GetString() == "keywords" && p.GetProperty("severity").GetString() == "blocking");
    }
}
