namespace TagMyStock.Core.Keywords;

public sealed class AsciiFoldingTests
{
    [Theory]
    [InlineData("café", "cafe")]
    [InlineData("Crème Brûlée", "Creme Brulee")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Ærøskøbing", "AEroskobing")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("smörgåsbord", "smorgasbord")]
    [InlineData("“quoted” — it’s…", "\"quoted\" - it's...")]
    [InlineData("plain", "plain")]
    public void Fold_replaces_accents_and_typographic_marks(string text, string expected)
    {
        Assert.Equal(expected, AsciiFolding.Fold(text));
        Assert.True(AsciiFolding.CanFold(text));
    }

    [Theory]
    [InlineData("猫")]
    [InlineData("кот")]
    public void Other_scripts_cannot_be_folded(string text)
    {
        Assert.False(AsciiFolding.CanFold(text));
        Assert.Equal(text, AsciiFolding.Fold(text));
    }

    [Fact]
    public void NonAsciiCharacters_lists_each_once() => Assert.Equal(['é', 'è'], AsciiFolding.NonAsciiCharacters("éléphant crème"));
}
