namespace TagMyStock.Core.Agencies;

public sealed class AgencyCatalogTests
{
    [Fact]
    public void All_lists_the_ten_agencies_in_order()
    {
        Assert.Equal(
            ["adobe", "shutterstock", "getty", "pond5", "dreamstime", "123rf", "alamy", "freepik", "vecteezy", "depositphotos"],
            AgencyCatalog.All.Select(agency => agency.Id));
    }

    [Theory]
    [InlineData("adobe", "adobe")]
    [InlineData("ADOBE", "adobe")]
    [InlineData("Adobe Stock", "adobe")]
    [InlineData("getty", "getty")]
    [InlineData("iStock", "getty")]
    [InlineData("Getty Images / iStock", "getty")]
    [InlineData(" 123RF ", "123rf")]
    [InlineData("rf123", "123rf")]
    [InlineData("Magnific", "freepik")]
    [InlineData("depositphotos", "depositphotos")]
    public void Find_accepts_id_alias_and_name_in_any_case(string name, string expectedId)
    {
        Assert.Equal(expectedId, AgencyCatalog.Find(name)?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fotolia")]
    [InlineData("adobe stock csv")]
    public void Find_returns_null_for_unknown_names(string name)
    {
        Assert.Null(AgencyCatalog.Find(name));
    }

    [Fact]
    public void ParseList_keeps_the_given_order_and_drops_repeats()
    {
        var agencies = AgencyCatalog.ParseList(" shutterstock,istock , adobe,getty,,");

        Assert.Equal(["shutterstock", "getty", "adobe"], agencies.Select(agency => agency.Id));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("adobe, all")]
    public void ParseList_all_selects_every_agency(string list)
    {
        Assert.Equal(AgencyCatalog.All, AgencyCatalog.ParseList(list));
    }

    [Fact]
    public void ParseList_names_the_unknown_agency_and_lists_the_known_ids()
    {
        var error = Assert.Throws<ArgumentException>(() => AgencyCatalog.ParseList("adobe, fotolia"));

        Assert.Equal("commaSeparated", error.ParamName);
        Assert.StartsWith(
            "Unknown agency \"fotolia\". Known agencies: adobe, shutterstock, getty, pond5, dreamstime, 123rf, alamy, freepik, vecteezy, depositphotos, or all.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ,")]
    public void ParseList_refuses_an_empty_list(string list)
    {
        var error = Assert.Throws<ArgumentException>(() => AgencyCatalog.ParseList(list));

        Assert.StartsWith("No agency given. Known agencies: adobe,", error.Message, StringComparison.Ordinal);
    }
}
