using ScottPlot;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// A heatmap drawn as one rectangle per cell with its value written in it. ScottPlot's own heatmap is
/// a bitmap, which SVG and the PDF backend do not reproduce faithfully; rectangles stay vectors everywhere.
/// Row 0 is drawn at the top.
/// </summary>
internal static class ChartGrid
{
    private static readonly ScottPlot.Colormaps.Viridis Colors = new();

    public static void Draw(Plot plot, double[,] values, double max, Func<double, string> label)
    {
        var (rows, columns) = (values.GetLength(0), values.GetLength(1));
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var value = values[row, column];
                if (double.IsNaN(value))
                {
                    continue;
                }

                var y = rows - 1 - row;
                var share = max <= 0 ? 0 : Math.Clamp(value / max, 0, 1);
                var cell = plot.Add.Rectangle(column - 0.5, column + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = value == 0 ? ScottPlot.Colors.WhiteSmoke : Colors.GetColor(0.15 + share * 0.85);
                cell.LineColor = ScottPlot.Colors.White;
                cell.LineWidth = 1;
                if (value > 0)
                {
                    var text = plot.Add.Text(label(value), column, y);
                    text.Alignment = Alignment.MiddleCenter;
                    text.LabelFontSize = 9;
                    text.LabelFontColor = share > 0.6 ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                }
            }
        }

        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.HideGrid();
    }
}
