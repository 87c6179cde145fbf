using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.EntityFrameworkCore;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Validation;
using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Infrastructure.ExternalServices;

namespace TagMyStock.Web.Features.Editor;

/// <summary>
/// The metadata editor. Every change is saved after a short pause, and at once when a field loses focus or the page
/// is left; each operation runs in a scope of its own, so a long-lived circuit never holds a stale database context.
/// </summary>
public sealed partial class EditorPage : IDisposable
{
    /// <summary>Long enough to save once per burst of typing, short enough that closing the tab loses nothing.</summary>
    private static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(600);

    private static readonly (ContentFlags Flag, string Label)[] FlagLabels =
    [
        (ContentFlags.AiGenerated, "Made with generative AI"),
        (ContentFlags.Editorial, "Editorial use only"),
        (ContentFlags.MatureContent, "Mature content"),
        (ContentFlags.Illustration, "Illustration"),
        (ContentFlags.PeopleReleaseNeeded, "Shows people who need a model release"),
        (ContentFlags.PropertyReleaseNeeded, "Shows property that needs a property release"),
    ];

    private EditorDocument? _document;
    private Guid _owner;
    private int _version;
    private string _title = "";
    private string _description = "";
    private List<string> _keywords = [];
    private Dictionary<string, string> _categories = new(StringComparer.Ordinal);
    private ContentFlags _flags;
    private string? _digitalSourceType;
    private string _status = "All changes saved.";
    private string? _error;
    private EditorDocument? _conflict;
    private bool _dirty;
    private bool _saving;
    private bool _tagging;
    private string? _hint;
    private string _engine = TaggingEngines.Local;
    private IReadOnlyList<string> _tagWarnings = [];
    private EvidenceIndex _evidence = EvidenceIndex.Empty;
    private IReadOnlyList<ImageSizeShortfall> _sizeShortfalls = [];
    private CancellationTokenSource? _pendingSave;
    private readonly CancellationTokenSource _closed = new();

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private ImageMetadata Current => new()
    {
        Title = _title,
        Description = _description,
        Keywords = _keywords,
        Categories = _categories,
        Flags = _flags,
        DigitalSourceType = _digitalSourceType,
    };

    protected override async Task OnInitializedAsync()
    {
        _owner = (await Authentication).User.AccountId();
        var document = await WithEditorAsync(editor => editor.GetAsync(_owner, Id, _closed.Token));
        if (document is null)
        {
            Navigation.NotFound();
            return;
        }

        Load(document);
    }

    private void Load(EditorDocument document)
    {
        _document = document;
        _version = document.Version;
        _title = document.Metadata.Title;
        _description = document.Metadata.Description;
        _keywords = [.. document.Metadata.Keywords];
        _categories = new Dictionary<string, string>(document.Metadata.Categories, StringComparer.Ordinal);
        _flags = document.Metadata.Flags;
        _digitalSourceType = document.Metadata.DigitalSourceType;
        _evidence = document.EvidenceByTerm();
        _sizeShortfalls = document.SizeShortfalls();
    }

    private void Changed()
    {
        _dirty = true;
        _status = "Unsaved changes…";
        _pendingSave?.Cancel();
        _pendingSave = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        _ = SaveAfterPauseAsync(_pendingSave.Token);
    }

    private async Task SaveAfterPauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(SaveDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // Not an event handler: nothing renders the outcome ("Saved.", an error) unless asked.
        await InvokeAsync(async () =>
        {
            await SaveNowAsync();
            StateHasChanged();
        });
    }

    private async Task SaveNowAsync()
    {
        if (!_dirty || _saving || _tagging || _conflict is not null || _document is null)
        {
            return;
        }

        _saving = true;
        _dirty = false;
        _status = "Saving…";
        StateHasChanged();
        try
        {
            var result = await WithEditorAsync(editor => editor.SaveAsync(_owner, Id, _version, Current, _closed.Token));
            switch (result.Status)
            {
                case SaveStatus.Saved:
                    _version = result.Document!.Version;
                    _error = null;
                    _status = _dirty ? "Unsaved changes…" : "Saved.";
                    break;
                case SaveStatus.Conflict:
                    _conflict = result.Document;
                    _dirty = true;
                    _status = "Not saved: changed elsewhere.";
                    break;
                default:
                    _error = "This image no longer exists; your changes could not be saved.";
                    _status = "Not saved.";
                    break;
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            _dirty = true;
            _error = "Saving failed; your changes are still here and will be saved with the next change. Check your connection.";
            _status = "Not saved.";
        }
        finally
        {
            _saving = false;
        }

        if (_dirty && _conflict is null && _error is null)
        {
            await SaveNowAsync();
        }
    }

    private async Task SaveBeforeLeavingAsync(LocationChangingContext context)
    {
        _pendingSave?.Cancel();
        await SaveNowAsync();
        if (_dirty)
        {
            context.PreventNavigation();
            _error ??= "Your last change is not saved yet: resolve the message above before leaving.";
        }
    }

    private void LoadNewer()
    {
        Load(_conflict!);
        _conflict = null;
        _dirty = false;
        _status = "Loaded the newer version.";
    }

    private async Task KeepMineAsync()
    {
        _version = _conflict!.Version;
        _conflict = null;
        _dirty = true;
        await SaveNowAsync();
    }

    private string CategoryAt(AgencyProfile agency, int index) =>
        _categories.TryGetValue(agency.Id, out var value) && value.Split(',') is var parts && index < parts.Length ? parts[index].Trim() : "";

    private void SetCategory(AgencyProfile agency, int index, string? code)
    {
        var slots = Enumerable.Range(0, agency.MaxCategories).Select(slot => slot == index ? code ?? "" : CategoryAt(agency, slot));
        var joined = string.Join(',', slots.Where(slot => slot.Length > 0).Distinct(StringComparer.Ordinal));
        _categories = new Dictionary<string, string>(Current.WithCategory(agency.Id, joined).Categories, StringComparer.Ordinal);
        Changed();
    }

    private void SetFlag(ContentFlags flag, bool on)
    {
        _flags = on ? _flags | flag : _flags & ~flag;
        Changed();
    }

    private async Task ApplyFixAsync(MetadataFix fix)
    {
        var fixedMetadata = fix.Apply(Current);
        _title = fixedMetadata.Title;
        _description = fixedMetadata.Description;
        _keywords = [.. fixedMetadata.Keywords];
        _categories = new Dictionary<string, string>(fixedMetadata.Categories, StringComparer.Ordinal);
        _flags = fixedMetadata.Flags;
        _digitalSourceType = fixedMetadata.DigitalSourceType;
        Changed();
        await SaveNowAsync();
    }

    private async Task TagAsync()
    {
        await SaveNowAsync();
        if (_dirty)
        {
            return;
        }

        _tagging = true;
        _status = "Tagging…";
        StateHasChanged();
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<InteractiveTagging>().TagAsync(_owner, Id, _hint, _engine, _closed.Token);
            if (outcome is null)
            {
                _error = "This image no longer exists.";
                return;
            }

            Load(EditorDocument.From(outcome.Image, _document!.Agencies, outcome.Rules));
            _tagWarnings = outcome.Result.Warnings;
            _error = null;
            _status = "Tagged and saved.";
        }
        catch (DbUpdateConcurrencyException)
        {
            _error = "The image changed while it was being tagged; nothing was overwritten. Reload the page and tag again.";
        }
        catch (ExternalServiceException failure)
        {
            _error = $"Not tagged: {failure.Message}";
            _status = "Not tagged.";
        }
        finally
        {
            _tagging = false;
        }
    }

    private async Task<T> WithEditorAsync<T>(Func<MetadataEditor, Task<T>> work)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MetadataEditor>());
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
        _pendingSave?.Dispose();
    }
}
