namespace TagMyStock.Imaging.Embedding;

/// <summary>
/// An image file that cannot be read or written as asked, with a message meant for the person who chose it
/// ("photo.jpg is truncated: …", "photo.jpg is read-only").
/// </summary>
public sealed class ImageFileException : Exception
{
    public ImageFileException()
    {
    }

    public ImageFileException(string message)
        : base(message)
    {
    }

    public ImageFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ImageFileException Truncated(string fileName, string detail) =>
        new($"{fileName} is truncated: {detail}.");

    internal static ImageFileException Damaged(string fileName, string detail) =>
        new($"{fileName} is damaged: {detail}.");
}
