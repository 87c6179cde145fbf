namespace TagMyStock.Core.Validation;

internal static class ValidationAssert
{
    public static Problem Single(ValidationReport report, string code)
    {
        var matching = report.Problems.Where(problem => problem.Code == code).ToList();
        Assert.True(matching.Count == 1, $"Expected one {code}; found: {string.Join(" | ", report.Problems.Select(problem => $"{problem.Code}: {problem.Message}"))}");
        return matching[0];
    }

    public static void None(ValidationReport report, string code) =>
        Assert.DoesNotContain(report.Problems, problem => problem.Code == code);

    public static void NoneStartingWith(ValidationReport report, string prefix) =>
        Assert.DoesNotContain(report.Problems, problem => problem.Code.StartsWith(prefix, StringComparison.Ordinal));
}
