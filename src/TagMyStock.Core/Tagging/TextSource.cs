namespace TagMyStock.Core.Tagging;

/// <summary>One piece of text the offline engine reads, with how much its words are trusted.</summary>
/// <param name="Weight">Relative trust: the user's own hint outranks a prompt, which outranks a file name.</param>
/// <param name="ProposesPhrases">
/// Whether adjacent words here make a keyword phrase on their own. True for short texts a person wrote as a
/// description (hint, prompt, title); a file name or a long description only supports phrases another source
/// proposed, since "drop splash crown" or "flowers softly" are not phrases anyone searches for.
/// </param>
internal sealed record TextSource(EvidenceSource Kind, string Text, double Weight, bool ProposesPhrases)
{
    /// <summary>Whether this text describes the image in the user's own words (hint) or the generator's (prompt).</summary>
    public bool IsDescriptive => Kind is EvidenceSource.Hint or EvidenceSource.GenerationPrompt;
}
