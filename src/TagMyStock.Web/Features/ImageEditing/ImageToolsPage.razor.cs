using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.ImageEditing;

/// <summary>
/// <c>/images/{id}/tools</c>: the edits of one image, each making a new image through <see cref="ImageEditingApi"/>;
/// the page's script (js/image-tools.js) draws the crop and paints the mask on the preview, and follows the job.
/// </summary>
public sealed partial class ImageToolsPage
{
    private StockImage? _image;
    private LinkedImage? _source;
    private List<LinkedImage> _edits = [];
    private IReadOnlyList<ImageSizeShortfall> _sizeShortfalls = [];

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private AppDbContext Db { get; set; } = default!;

    [Inject]
    private IOptions<FalOptions> Fal { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IAccountSettings Settings { get; set; } = default!;

    private bool FalConfigured => Fal.Value.IsConfigured;

    protected override async Task OnInitializedAsync()
    {
        var owner = (await Authentication).User.AccountId();
        var images = Db.Set<StockImage>().AsNoTracking().OwnedBy(owner);
        _image = await images.SingleOrDefaultAsync(image => image.Id == Id);
        if (_image is null)
        {
            Navigation.NotFound();
            return;
        }

        if (_image.SourceImageId is { } sourceId)
        {
            _source = await images.Where(image => image.Id == sourceId)
                .Select(image => new LinkedImage(image.Id, image.FileName, image.EditDescription))
                .SingleOrDefaultAsync();
        }

        if (_image.PixelSize is var (width, height))
        {
            _sizeShortfalls = ImageSizeCheck.Check(width, height, await Settings.GetAgenciesAsync(owner, CancellationToken.None));
        }

        _edits = await images.Where(image => image.SourceImageId == Id)
            .OrderByDescending(image => image.UploadedAt)
            .Select(image => new LinkedImage(image.Id, image.FileName, image.EditDescription))
            .ToListAsync();
    }

    /// <summary>The catalogue's models for an edit, with the price of editing this image with each.</summary>
    private IEnumerable<EditModelChoice> Models(FalModelKind kind) =>
        Fal.Value.ModelsOf(kind).Select(entry => new EditModelChoice(
            entry.Key,
            GenerationChoices.Label(entry.Value),
            GenerationChoices.Price(EditPricing.Estimate(entry.Value, _image!.Width, _image.Height)),
            EditPricing.OutputSize(entry.Value, _image.Width, _image.Height)));

    /// <summary>When the upscalers offered do not reach an agency's minimum at once, how they still do.</summary>
    private string UpscaleAdvice(ImageSizeShortfall shortfall)
    {
        if (!shortfall.UpscalingHelps || shortfall.UpscaleFactor is not { } needed)
        {
            return "";
        }

        var offered = Fal.Value.ModelsOf(FalModelKind.Upscale).Select(entry => entry.Value.UpscaleFactor).DefaultIfEmpty(0).Max();
        return offered is > 1 && offered < needed
            ? string.Create(CultureInfo.InvariantCulture, $"The models here upscale {offered}×: upscale, then upscale the result again.")
            : "";
    }

    private static string Megapixels(int width, int height) => string.Create(CultureInfo.InvariantCulture, $"{width * (double)height / 1e6:0.#} MP");

    private sealed record LinkedImage(Guid Id, string FileName, string? EditDescription);
}

/// <summary>An AI edit's model as the image tools page offers it: its catalogue name, label, price for the image, and the output's size.</summary>
public sealed record EditModelChoice(string Name, string Label, string Price, (int Width, int Height) Output);
