namespace TagMyStock.Core.Metadata;

/// <summary>The yes/no facts agencies ask about an image.</summary>
[Flags]
public enum ContentFlags
{
    None = 0,

    /// <summary>Made wholly or partly by a generative model; embedded as the IPTC digital source type.</summary>
    AiGenerated = 1 << 0,
    Editorial = 1 << 1,
    MatureContent = 1 << 2,
    Illustration = 1 << 3,
    PeopleReleaseNeeded = 1 << 4,
    PropertyReleaseNeeded = 1 << 5,
}
