namespace TagMyStock.Web.Infrastructure.ExternalServices;

/// <summary>Reads a response's <c>Retry-After</c> header, in seconds or as a date.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (time ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
