namespace TagMyStock.Core.Agencies;

/// <summary>How far a fact about an agency can be trusted (see shared reference/agencies.md).</summary>
public enum Confidence
{
    /// <summary>Only a third party says so.</summary>
    Unverified = 0,

    /// <summary>A peer tool's code does it.</summary>
    Peer = 1,

    /// <summary>The agency's own page or official sample file says so.</summary>
    Verified = 2,
}

/// <summary>A fact about an agency with where it comes from, so the user is told how sure we are.</summary>
public sealed record Sourced<T>(T Value, Confidence Confidence, string Source);

/// <summary>Shorthands that keep the per-agency files readable.</summary>
public static class Fact
{
    public static Sourced<T> Verified<T>(T value, string source) => new(value, Confidence.Verified, source);

    public static Sourced<T> Peer<T>(T value, string source) => new(value, Confidence.Peer, source);

    public static Sourced<T> Unverified<T>(T value, string source) => new(value, Confidence.Unverified, source);
}
