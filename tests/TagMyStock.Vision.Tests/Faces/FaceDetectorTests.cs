using NetVips;

namespace TagMyStock.Vision.Faces;

public sealed class FaceDetectorTests
{
    [Fact]
    public void The_astronauts_face_is_found_where_it_is()
    {
        using var detector = new FaceDetector();

        var face = Assert.Single(detector.Detect(AnalysisImage.Load(TestImages.Data("astronaut.png"))));

        // Her face spans about x 180–270, y 70–160 of the 512 px photo.
        Assert.InRange(face.X + (face.Width / 2), 200, 250);
        Assert.InRange(face.Y + (face.Height / 2), 95, 135);
        Assert.InRange(face.Width, 70, 120);
    }

    [Fact]
    public void A_face_seen_from_the_side_is_found()
    {
        using var detector = new FaceDetector();

        // The cameraman looks through his camera, his face in profile at about x 205–275, y 125–195.
        var face = Assert.Single(detector.Detect(AnalysisImage.Load(TestImages.Data("camera.png"))));

        Assert.InRange(face.X + (face.Width / 2), 220, 260);
        Assert.InRange(face.Y + (face.Height / 2), 140, 180);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_face_in_a_row_of_people_is_found(int people)
    {
        using var detector = new FaceDetector();

        Assert.Equal(people, detector.Detect(TestImages.Load(TestImages.RowOfPortraits(people))).Count);
    }

    [Theory]
    [InlineData(0.11, 1)]
    [InlineData(0.16, 1)]
    [InlineData(0.07, 0)]
    public void A_face_smaller_than_the_minimum_share_of_the_frame_is_not_looked_for(double faceShare, int expected)
    {
        // The astronaut's face is about 90 px of her 512 px portrait; the portrait is scaled so that the face
        // is faceShare of the canvas's shorter side, and placed in its middle.
        const int CanvasHeight = 800;
        using var portrait = Image.NewFromFile(TestImages.Data("astronaut.png"));
        using var scaled = portrait.Resize(faceShare * CanvasHeight / 90.0);
        using var canvas = TestImages.Plain(1200, CanvasHeight, 128, 128, 128);
        using var scene = canvas.Insert(scaled, (canvas.Width - scaled.Width) / 2, (canvas.Height - scaled.Height) / 2);
        using var detector = new FaceDetector();

        Assert.Equal(expected, detector.Detect(TestImages.Load(scene)).Count);
    }

    [Theory]
    [InlineData("abstract-teal-orange-swirl.png")]
    [InlineData("dune-grass-by-the-sea.jpg")]
    [InlineData("espresso-cup-on-wooden-table.jpg")]
    [InlineData("ladybird-on-grass-stem-among-forget-me-nots.jpg")]
    [InlineData("rocket-on-launch-pad-at-dusk.jpg")]
    [InlineData("storm-clouds-over-empty-highway.jpg")]
    [InlineData("tabby-cat-with-green-eyes.png")]
    [InlineData("water-drop-splash-crown.jpg")]
    public void Photos_without_people_have_no_faces(string sample)
    {
        using var detector = new FaceDetector();

        Assert.Empty(detector.Detect(AnalysisImage.Load(Samples.Path(sample))));
    }

    [Fact]
    public void A_texture_has_no_faces()
    {
        using var detector = new FaceDetector();

        Assert.Empty(detector.Detect(AnalysisImage.Load(TestImages.Data("brick.png"))));
    }

    [Theory]
    [InlineData(640, 640, 0)] // square: a face of a tenth of the side is 19 network pixels in the whole image
    [InlineData(600, 500, 0)] // 6:5: 16
    [InlineData(640, 480, 2)] // 4:3: 14
    [InlineData(640, 427, 2)]
    [InlineData(427, 640, 2)]
    [InlineData(640, 360, 2)]
    [InlineData(640, 128, 9)]
    [InlineData(640, 60, 0)] // a strip: its smallest face would be 6 pixels, too few to be a face at all
    public void Images_wider_than_six_to_five_are_also_looked_at_in_overlapping_square_tiles(int width, int height, int tiles)
    {
        var looks = FaceDetector.Looks(width, height).ToList();

        Assert.Equal(new PixelRegion(0, 0, width, height), looks[0]);
        Assert.Equal(tiles, looks.Count - 1);
        var shorter = Math.Min(width, height);
        Assert.All(looks.Skip(1), tile => Assert.Equal((shorter, shorter), (tile.Width, tile.Height)));
        if (tiles > 0)
        {
            // Together they cover the frame, each overlapping the next.
            var starts = looks.Skip(1).Select(tile => width >= height ? tile.X : tile.Y).ToList();
            Assert.Equal(0, starts[0]);
            Assert.Equal(Math.Max(width, height) - shorter, starts[^1]);
            Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 1, shorter - 1));
        }
    }

    [Fact]
    public void A_missing_model_is_reported_when_the_detector_is_made()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"no-models-{Guid.NewGuid():N}");

        var error = Assert.Throws<FileNotFoundException>(() => new FaceDetector(folder));

        Assert.Contains(FaceDetector.ModelFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_detector_refuses_work()
    {
        var detector = new FaceDetector();
        detector.Dispose();

        Assert.Throws<ObjectDisposedException>(() => detector.Detect(AnalysisImage.Load(TestImages.Data("astronaut.png"))));
    }
}
