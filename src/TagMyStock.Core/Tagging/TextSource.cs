namespace TagMyStock.Core.Tagging;

/// <summary>One piece of text the offline engine reads, with how much its words are trusted.</summary>
/// <param name="Weight">Relative trust: the user's own hint outranks a prompt, which outranks a file name.</param>
internal sealed record TextSource(EvidenceSource Kind, string Text, double Weight)
{
    /// <summary>Whether this text describes the image in the user's own words (hint) or the generator's (prompt).</summary>
    public bool IsDescriptive => Kind is EvidenceSource.Hint or EvidenceSource.GenerationPrompt;
}
