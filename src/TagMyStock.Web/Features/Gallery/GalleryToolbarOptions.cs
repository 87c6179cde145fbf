namespace TagMyStock.Web.Features.Gallery;

/// <summary>
/// The gallery toolbar's groups that other features add: components that each render one <c>section.toolbar-group</c>
/// acting on the selected images, shown before the gallery's own groups in the order added. The gallery page shows them
/// without depending on the features that own them (Tagging adds its "Tag" group), so features keep depending downwards.
/// </summary>
public sealed class GalleryToolbarOptions
{
    /// <summary>Component types without parameters.</summary>
    public IList<Type> Groups { get; } = [];
}
