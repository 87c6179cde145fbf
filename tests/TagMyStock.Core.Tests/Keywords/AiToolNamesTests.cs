namespace TagMyStock.Core.Keywords;

public sealed class AiToolNamesTests
{
    [Theory]
    [InlineData("AI", "ai")]
    [InlineData("ai generated", "ai generated")]
    [InlineData("AI-generated", "ai generated")]
    [InlineData("generative AI", "generative ai")]
    [InlineData("Midjourney", "midjourney")]
    [InlineData("midjourney v6", "midjourney")]
    [InlineData("DALL-E", "dall-e")]
    [InlineData("DALL·E 3", "dall-e 3")]
    [InlineData("dalle", "dall-e")]
    [InlineData("Stable Diffusion", "stable diffusion")]
    [InlineData("ChatGPT", "chatgpt")]
    [InlineData("Adobe Firefly", "adobe firefly")]
    [InlineData("Flux AI", "flux ai")]
    [InlineData("Leonardo.ai", "leonardo ai")]
    public void Ai_phrases_and_tools_are_found(string keyword, string name)
    {
        Assert.True(AiToolNames.IsAiToolName(keyword, out var found));
        Assert.Equal(name, found);
    }

    [Theory]
    [InlineData("firefly")]
    [InlineData("fireflies at night")]
    [InlineData("flux")]
    [InlineData("Leonardo da Vinci")]
    [InlineData("rain")]
    [InlineData("aim")]
    [InlineData("maid")]
    [InlineData("diffusion")]
    public void Ordinary_words_are_not_ai_tools(string keyword) =>
        Assert.False(AiToolNames.IsAiToolName(keyword, out _));

    [Theory]
    [InlineData("Cat portrait, AI generated", "Cat portrait")]
    [InlineData("Midjourney render of a castle", "render of a castle")]
    [InlineData("Castle at dusk (Stable Diffusion)", "Castle at dusk")]
    public void RemoveFrom_takes_names_out(string text, string expected) =>
        Assert.Equal(expected, AiToolNames.RemoveFrom(text));
}
