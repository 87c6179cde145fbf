using System.Globalization;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Vision.Faces;

/// <summary>What the faces found say about people in the image, and the release a recognisable person calls for.</summary>
internal static class PeopleFacts
{
    // Face box side as a share of the image's shorter side. A head-and-shoulders portrait puts the
    // (brows-to-chin) box at about 15–30 % (the astronaut: 18 %); a face cropped to fill the frame at
    // 40 % and more (the astronaut's face cropped to 200 px: 50 %).
    private const double MinPortraitShare = 0.15;
    private const double MinCloseUpShare = 0.4;

    // Each face was found twice, in the whole image and in a closer look: high, not certain.
    private const double FaceConfidence = 0.9;

    public static (IReadOnlyList<PixelConcept> Concepts, ContentFlags Flags) Describe(AnalysisImage image, IReadOnlyList<FaceBox> faces)
    {
        if (faces.Count == 0)
        {
            return ([], ContentFlags.None);
        }

        var shorter = (double)Math.Min(image.Width, image.Height);
        var largest = faces.Max(face => Math.Max(face.Width, face.Height)) / shorter;
        var reason = faces.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"1 face, {largest:0 %} of the frame")
            : string.Create(CultureInfo.InvariantCulture, $"{faces.Count} faces, the largest {largest:0 %} of the frame");
        var concepts = new List<PixelConcept>
        {
            new("people", FaceConfidence, reason),
            new(faces.Count switch { 1 => "one person", 2 => "two people", _ => "group of people" }, FaceConfidence, reason),
        };
        if (faces.Count == 1 && largest >= MinPortraitShare)
        {
            concepts.Add(new PixelConcept("portrait", 0.8, reason));
        }

        if (faces.Count == 1 && largest >= MinCloseUpShare)
        {
            concepts.Add(new PixelConcept("close-up", 0.8, reason));
        }

        return (concepts, ContentFlags.PeopleReleaseNeeded);
    }
}
