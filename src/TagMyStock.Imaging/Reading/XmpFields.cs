using XmpCore;

namespace TagMyStock.Imaging.Reading;

/// <summary>
/// Reads single fields from an XMP model, turning a property of the wrong form (a plain string where a language
/// alternative belongs) into a warning rather than an exception.
/// </summary>
internal sealed class XmpFields(IXmpMeta? xmp, List<string> warnings)
{
    public string? AltText(string ns, string name) =>
        Guard(ns, name, xmp => xmp.DoesPropertyExist(ns, name) && xmp.GetProperty(ns, name).Options.IsArray
            ? xmp.GetLocalizedText(ns, name, "", XmpConstants.XDefault)?.Value
            : xmp.GetPropertyString(ns, name));

    public string? Text(string ns, string name) => Guard(ns, name, xmp => xmp.GetPropertyString(ns, name));

    public List<string> Items(string ns, string name) => Guard(ns, name, xmp =>
    {
        var items = new List<string>();
        var count = xmp.DoesPropertyExist(ns, name) ? xmp.CountArrayItems(ns, name) : 0;
        for (var index = 1; index <= count; index++)
        {
            if (xmp.GetArrayItem(ns, name, index)?.Value is { Length: > 0 } value)
            {
                items.Add(value);
            }
        }

        return items;
    }) ?? [];

    private T? Guard<T>(string ns, string name, Func<IXmpMeta, T?> read)
        where T : class
    {
        if (xmp is null)
        {
            return null;
        }

        try
        {
            return read(xmp);
        }
        catch (XmpException exception)
        {
            var prefix = XmpMetaFactory.SchemaRegistry.GetNamespacePrefix(ns);
            warnings.Add($"XMP {prefix}{name} could not be read: {exception.Message}");
            return null;
        }
    }
}
