using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using NetVips;
using TagMyStock.Core.Similarity;

namespace TagMyStock.Vision.Embeddings;

/// <summary>
/// Turns an image into an <see cref="ImageEmbedding"/>: the 512 features of ResNet18's last pooling layer
/// (the ONNX model that Microsoft.ML.DnnImageFeaturizer.ResNet18 ships, MIT, quantised to 8-bit integers:
/// Models/README.md), centred on <see cref="FeatureCentre"/> and scaled to unit length. The image is squeezed
/// whole to 224×224, so that nothing at its edges is lost to a crop, and passes through the package's own
/// ResNetPreprocess.onnx (planar RGB, 0–255, in; the network's normalised input out) and then the network.
/// One instance is meant to live as long as the process: the two sessions load their weights once, and
/// <see cref="Embed(AnalysisImage)"/> may be called from several threads at once.
/// </summary>
public sealed class ImageEmbedder : IDisposable
{
    /// <summary>Side of the square the network sees.</summary>
    public const int InputSize = 224;

    /// <summary>Width of the features: ResNet18's pooling layer.</summary>
    public const int Dimensions = 512;

    /// <summary>
    /// <see cref="ImageEmbedding.Model"/> of what this embedder makes. Change it whenever the model, the
    /// resizing or the centre changes: stored embeddings of another model are then recomputed, not compared.
    /// 1: the float ResNet18; 2: the same network quantised to 8-bit integers.
    /// </summary>
    public const byte Model = 2;

    /// <summary>The quantised network's file, next to the package's preprocessing model.</summary>
    public const string NetworkFile = "resnet18_int8.onnx";

    /// <summary>The package's preprocessing model: planar RGB in, the network's input out.</summary>
    public const string PreprocessFile = "ResNetPreprocess.onnx";

    private const string PreprocessInput = "OriginalInput";
    private const string PreprocessOutput = "PreprocessedInput";
    private const string NetworkInput = "Input247";
    private const string NetworkOutput = "Pooling395_Output_0";

    private const int InputLength = 3 * InputSize * InputSize;

    private static readonly long[] InputShape = [1, 3, InputSize, InputSize];

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly RunOptions _runOptions = new();
    private readonly float[] _centre;

    private ImageEmbedder(InferenceSession preprocess, InferenceSession network, float[] centre)
    {
        _preprocess = preprocess;
        _network = network;
        _centre = centre;
    }

    /// <summary>Where the build copies the models: next to the application, in Models/ResNet18.</summary>
    public static string DefaultModelDirectory => Path.Combine(AppContext.BaseDirectory, "Models", "ResNet18");

    /// <summary>Loads the two models.</summary>
    /// <param name="threadsPerImage">
    /// Threads one image's inference may use. 1 suits a server that embeds several images at once (one per
    /// core): more threads cost more CPU per image (bench/README.md, image embeddings), which shortens one
    /// image's wait only on an idle machine.
    /// </param>
    /// <exception cref="FileNotFoundException">A model file is missing from <paramref name="modelDirectory"/>.</exception>
    public static ImageEmbedder Create(int threadsPerImage = 1, string? modelDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadsPerImage, 1);
        modelDirectory ??= DefaultModelDirectory;
        return Load(ModelFile(modelDirectory, PreprocessFile), ModelFile(modelDirectory, NetworkFile), threadsPerImage);
    }

    /// <summary>An embedder on another network of the same input and output, such as the one the quantisation measures.</summary>
    internal static ImageEmbedder Load(string preprocessPath, string networkPath, int threadsPerImage = 1)
    {
        var centre = FeatureCentre.Load();
        var (preprocess, network) = OnnxModels.LoadPair(preprocessPath, networkPath, threadsPerImage);
        return new ImageEmbedder(preprocess, network, centre);
    }

    /// <summary>The image's embedding, centred and of unit length.</summary>
    public ImageEmbedding Embed(AnalysisImage image)
    {
        var features = Features(image);
        for (var i = 0; i < features.Length; i++)
        {
            features[i] -= _centre[i];
        }

        return ImageEmbedding.FromCentredFeatures(Model, features);
    }

    /// <summary>Decodes the file as <see cref="AnalysisImage.Load"/> does and embeds it.</summary>
    /// <exception cref="VipsException">The file is not an image libvips can decode, or it is damaged.</exception>
    public ImageEmbedding Embed(string path) => Embed(AnalysisImage.Load(path));

    /// <summary>
    /// The network's raw features (non-negative, not centred), as <see cref="FeatureCentre"/> averages them.
    /// </summary>
    public float[] Features(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return WithNetworkInput(image, input =>
        {
            using var pooled = _network.Run(_runOptions, [NetworkInput], [input], [NetworkOutput]);
            return pooled[0].GetTensorDataAsSpan<float>().ToArray();
        });
    }

    /// <summary>What the network itself is fed for <paramref name="image"/>: the output of the preprocessing model.</summary>
    internal float[] NetworkInputValues(AnalysisImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return WithNetworkInput(image, input => input.GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose()
    {
        _network.Dispose();
        _preprocess.Dispose();
        _runOptions.Dispose();
    }

    private T WithNetworkInput<T>(AnalysisImage image, Func<OrtValue, T> use)
    {
        // Rented: 600 kB a call would otherwise be a new large-object allocation per image.
        var pixels = ArrayPool<float>.Shared.Rent(InputLength);
        try
        {
            PlanarPixels(image, pixels);
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, pixels.AsMemory(0, InputLength), InputShape);
            using var preprocessed = _preprocess.Run(_runOptions, [PreprocessInput], [input], [PreprocessOutput]);
            return use(preprocessed[0]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pixels);
        }
    }

    /// <summary>Writes the image squeezed to 224×224 into <paramref name="planar"/>, as three planes (all red, then green, then blue) of 0–255 values.</summary>
    private static void PlanarPixels(AnalysisImage image, float[] planar)
    {
        using var source = Image.NewFromMemory(image.Rgb, image.Width, image.Height, 3, Enums.BandFormat.Uchar);
        using var square = source.ThumbnailImage(InputSize, height: InputSize, size: Enums.Size.Force);
        var rgb = square.WriteToMemory<byte>();
        const int Plane = InputSize * InputSize;
        for (var pixel = 0; pixel < Plane; pixel++)
        {
            planar[pixel] = rgb[pixel * 3];
            planar[Plane + pixel] = rgb[(pixel * 3) + 1];
            planar[(2 * Plane) + pixel] = rgb[(pixel * 3) + 2];
        }
    }

    private static string ModelFile(string directory, string name) =>
        OnnxModels.File(
            directory, name, "image embedding model", "the Microsoft.ML.DnnImageFeaturizer.ResNet18 package and src/TagMyStock.Vision/Embeddings/Models");
}
