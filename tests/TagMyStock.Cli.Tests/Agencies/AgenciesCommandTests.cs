namespace TagMyStock.Cli.Agencies;

public sealed class AgenciesCommandTests
{
    [Fact]
    public async Task Lists_every_agency_with_its_rules_and_how_sure_they_are()
    {
        var run = await CliRun.RunAsync("agencies");

        Assert.Equal(0, run.ExitCode);
        foreach (var id in new[] { "adobe", "shutterstock", "getty", "pond5", "dreamstime", "123rf", "alamy", "freepik", "vecteezy", "depositphotos" })
        {
            Assert.Contains($"│ {id}", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("refused, verified", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_every_fact_with_its_confidence_and_source()
    {
        var run = await CliRun.RunAsync("agencies", "--json");

        var adobe = run.Json.EnumerateArray().Single(agency => agency.GetProperty("id").GetString() == "adobe");
        Assert.Equal(70, adobe.GetProperty("titleMaxLength").GetProperty("value").GetInt32());
        Assert.Equal("verified", adobe.GetProperty("titleMaxLength").GetProperty("confidence").GetString());
        Assert.Equal("accepted", adobe.GetProperty("ai").GetProperty("value").GetString());
        Assert.Equal(10, run.Json.GetArrayLength());
    }
}
