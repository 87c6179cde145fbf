using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Preparation;
using TagMyStock.Core.Rules;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Export;

/// <summary>One image of an export: the name it goes under, the metadata to embed, and its CSV row when an agency is targeted.</summary>
internal sealed record ExportItem(StockImage Image, string Name, ImageMetadata Metadata, CsvRow? Row);

/// <summary>What an export request selects, made ready for the target agency as the command line's <c>export</c> does.</summary>
internal static class ExportSelection
{
    /// <summary>
    /// The ids of <c>ids=a,b&amp;ids=c</c> in the order given; an empty list selects the whole gallery. False with a
    /// message when a value is not an image id.
    /// </summary>
    public static bool TryParseIds(string[]? values, out List<Guid> ids, out string? error)
    {
        ids = [];
        error = null;
        foreach (var value in (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Guid.TryParse(value, CultureInfo.InvariantCulture, out var id))
            {
                error = $"\"{value}\" is not an image id.";
                return false;
            }

            ids.Add(id);
        }

        ids = [.. ids.Distinct()];
        return true;
    }

    /// <summary>The owner's images among <paramref name="ids"/> in their order (ids of others are left out), or the whole gallery by upload time.</summary>
    public static async Task<List<StockImage>> LoadAsync(AppDbContext db, Guid ownerId, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var owned = db.Set<StockImage>().AsNoTracking().OwnedBy(ownerId);
        if (ids.Count == 0)
        {
            return await owned.OrderBy(image => image.UploadedAt).ThenBy(image => image.Id).ToListAsync(cancellationToken);
        }

        var found = await owned.Where(image => ids.Contains(image.Id)).ToDictionaryAsync(image => image.Id, cancellationToken);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>
    /// Names every image for the export and, when <paramref name="agency"/> is given, applies the account's own rules and
    /// the agency's automatic fixes (Core's <see cref="AgencyPreparation"/>) to what is embedded and written to its CSV.
    /// </summary>
    public static List<ExportItem> Prepare(IEnumerable<StockImage> images, AgencyProfile? agency, UserRules rules)
    {
        IReadOnlyList<AgencyProfile> agencies = agency is null ? [] : [agency];
        var names = new ExportNames(agencies);
        return [.. images.Select(image =>
        {
            var name = names.Claim(image.FileName);
            if (agency is null)
            {
                return new ExportItem(image, name, image.Metadata, null);
            }

            var prepared = AgencyPreparation.Prepare(name, image.Metadata, agencies, rules) with { Prompt = image.GenerationPrompt };
            var forAgency = prepared.For(agency).Metadata;
            return new ExportItem(image, name, forAgency, agency.HasCsv ? prepared.RowFor(forAgency) : null);
        })];
    }
}
