namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>How long a blob link may live: up to a week, the longest an S3 presigned URL can be valid.</summary>
public static class BlobLinkLifetime
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static void EnsureValid(TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A blob link lives more than no time and at most {Max.TotalDays} days.");
        }
    }

    /// <summary>The <c>Cache-Control</c> of a linked blob: the browser keeps it no longer than the link is valid.</summary>
    public static string CacheControl(TimeSpan remaining) =>
        $"private, max-age={Math.Max(0, (long)remaining.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
