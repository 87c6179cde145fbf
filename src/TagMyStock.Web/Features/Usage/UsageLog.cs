using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Usage;

/// <summary>Writes usage records; the one way features record what an operation did and cost.</summary>
public interface IUsageLog
{
    /// <summary>
    /// Saves the record of one operation, summing its entries (several model calls, say) into one row and keeping
    /// each paid entry as one of its items, with any other change pending in the request's or job's database context.
    /// </summary>
    Task RecordAsync(UsageOperation operation, IReadOnlyList<UsageEntry> entries, CancellationToken cancellationToken);
}

/// <summary>What an operation was, whoever did the work.</summary>
public sealed record UsageOperation(Guid OwnerId, Guid? JobId, string Operation, DateTime StartedAt, TimeSpan Duration, UsageResult Result);

internal sealed class UsageLog(AppDbContext db) : IUsageLog
{
    public async Task RecordAsync(UsageOperation operation, IReadOnlyList<UsageEntry> entries, CancellationToken cancellationToken)
    {
        var costs = entries.Where(entry => entry.ProviderCost is not null).Select(entry => entry.ProviderCost!.Value).ToList();
        db.Add(new UsageRecord
        {
            Id = Guid.CreateVersion7(),
            OwnerId = operation.OwnerId,
            JobId = operation.JobId,
            Operation = operation.Operation,
            Engine = string.Join('+', entries.Select(entry => entry.Engine).Distinct(StringComparer.Ordinal).DefaultIfEmpty("local")),
            Model = entries.Select(entry => entry.Model).LastOrDefault(model => model is not null),
            Images = entries.Sum(entry => entry.Images),
            StartedAt = operation.StartedAt,
            Duration = operation.Duration,
            Result = operation.Result,
            PromptTokens = entries.Sum(entry => entry.PromptTokens),
            CompletionTokens = entries.Sum(entry => entry.CompletionTokens),
            ProviderCost = costs.Count == 0 ? null : costs.Sum(),
            Items = [.. entries.Where(entry => entry.IsPaid).Select(entry => new UsageItem
            {
                Id = Guid.CreateVersion7(),
                ImageId = entry.ImageId,
                Engine = entry.Engine,
                Model = entry.Model,
                Images = entry.Images,
                PromptTokens = entry.PromptTokens,
                CompletionTokens = entry.CompletionTokens,
                ProviderCost = entry.ProviderCost,
            })],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
