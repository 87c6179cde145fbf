namespace TagMyStock.Imaging.Embedding;

/// <summary>What an embed that succeeded has to tell the person who asked for it.</summary>
/// <param name="Warnings">
/// Repairs made to the file's existing metadata so it could be written, in plain words, each naming the file
/// ("photo.jpg: its XMP repeated 12 properties …"). Empty when the file was written with nothing to report.
/// </param>
public sealed record EmbedOutcome(IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The XMP Iptc4xmpExt:DigitalSourceType the written file declares, or null for none: the metadata's own, or
    /// the file's when <see cref="EmbedOptions.KeepExistingDigitalSourceType"/> kept it.
    /// </summary>
    public string? DigitalSourceType { get; init; }
}
