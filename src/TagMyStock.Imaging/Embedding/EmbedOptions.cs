namespace TagMyStock.Imaging.Embedding;

/// <summary>How an embed treats what the file already holds, beyond the fields it is given.</summary>
public sealed record EmbedOptions
{
    /// <summary>The metadata given is the whole truth: a field it leaves empty is removed from the file.</summary>
    public static EmbedOptions Default { get; } = new();

    /// <summary>
    /// When the metadata declares no digital source type (<see cref="Core.Metadata.ImageMetadata.EffectiveDigitalSourceType"/>
    /// is null), keep the file's XMP Iptc4xmpExt:DigitalSourceType instead of removing it. For metadata from a source that
    /// says nothing about AI (a CSV without an AI column), so that an AI declaration already in the file is never dropped.
    /// </summary>
    public bool KeepExistingDigitalSourceType { get; init; }
}
