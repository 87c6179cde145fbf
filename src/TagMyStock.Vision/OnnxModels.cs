using Microsoft.ML.OnnxRuntime;

namespace TagMyStock.Vision;

/// <summary>How this project loads its ONNX models (the face detector's, the embedder's and the text reader's): one set of session settings, one way to say a file is missing.</summary>
internal static class OnnxModels
{
    /// <summary>The path of <paramref name="name"/> in <paramref name="directory"/>.</summary>
    /// <param name="description">What the file is, e.g. "image embedding model".</param>
    /// <param name="source">Where the build copies it from, for the message when it is missing.</param>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    public static string File(string directory, string name, string description, string source)
    {
        var path = Path.Combine(directory, name);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The {description} {name} is missing from {directory}. The build copies it there from {source}; rebuild, or pass the folder that holds it.",
                path);
    }

    /// <summary>One session with this project's settings.</summary>
    /// <param name="threadsPerImage">Threads one image's inference may use; 1 suits a server working on several images at once.</param>
    public static InferenceSession Load(string path, int threadsPerImage)
    {
        using var options = Options(threadsPerImage);
        return new InferenceSession(path, options);
    }

    /// <summary>Two sessions that work together, both or neither: the first is disposed when the second fails to load.</summary>
    /// <param name="threadsPerImage">Threads one image's inference may use; 1 suits a server working on several images at once.</param>
    public static (InferenceSession First, InferenceSession Second) LoadPair(string firstPath, string secondPath, int threadsPerImage)
    {
        using var options = Options(threadsPerImage);
        var first = new InferenceSession(firstPath, options);
        try
        {
            return (first, new InferenceSession(secondPath, options));
        }
        catch
        {
            first.Dispose();
            throw;
        }
    }

    private static SessionOptions Options(int threadsPerImage)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = threadsPerImage,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Idle inference threads sleep instead of spinning: on a small shared server a spinning thread takes
        // a core from the other requests.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
