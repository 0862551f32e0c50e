namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// What a read endpoint names in its URL: an area, a chart type or a quick report kind. The static members
/// tell <see cref="ReadRequest{T}"/> where to find it; the instance members what a caller may ask of it.
/// </summary>
public interface IReadTarget<TSelf>
    where TSelf : class, IReadTarget<TSelf>
{
    /// <summary>The route parameter holding the name, e.g. <c>area</c>.</summary>
    static abstract string RouteParameter { get; }

    /// <summary>What it is called in problem details, e.g. "chart type".</summary>
    static abstract string What { get; }

    static abstract IReadOnlyList<TSelf> All { get; }

    string Name { get; }

    /// <summary>Whether a student may read it (their own part).</summary>
    bool StudentVisible { get; }
}
