namespace TagMyStock.Web.Infrastructure.Storage;

/// <summary>The system clock moved by <paramref name="shift"/>, to make links that are already expired.</summary>
internal sealed class ShiftedTime(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
