using TagMyStock.Cli.Shared;

namespace TagMyStock.Cli.Export;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Turns_an_edited_native_csv_into_each_agencys_csv_with_fixes_and_checks()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(
            folder["tagmystock.csv"],
            "Filename,Title,Description,Keywords,Categories\n"
            + "fox.jpg,\"Red fox in snow, winter\",A red fox walks through fresh snow.,\"fox, Foxes, snow, winter, wildlife, animal, forest, cold\",adobe=Animals|shutterstock=Animals/Wildlife\n"
            + "fox.jpg,Duplicate name,,\"a, b\",\n",
            TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("export", folder["tagmystock.csv"], "--agency", "adobe,shutterstock", "--out", folder["out"], "--json");

        Assert.Equal(ExitCodes.FilesFailed, run.ExitCode);
        var adobe = await File.ReadAllTextAsync(folder["out/adobe-stock.csv"], TestContext.Current.CancellationToken);
        Assert.Equal(
            "Filename,Title,Keywords,Category,Releases\r\nfox.jpg,Red fox in snow winter,\"fox, snow, winter, wildlife, animal, forest, cold\",1,\"\"\r\n",
            adobe);
        var shutterstock = await File.ReadAllTextAsync(folder["out/shutterstock.csv"], TestContext.Current.CancellationToken);
        Assert.Contains("fox.jpg,A red fox walks through fresh snow.,\"fox,snow,winter,wildlife,animal,forest,cold\",Animals/Wildlife,no,no,no", shutterstock, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["out/tagmystock.csv"]));
        Assert.Contains(run.Json.GetProperty("files").EnumerateArray(), f => f.GetProperty("status").GetString() == "failed" && f.GetProperty("error").GetString()!.Contains("fox.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_csv_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync("export", folder["none.csv"]);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
    }
}
