namespace Repitbot.Analytics.Reports.Pdf;

/// <summary>
/// Places blocks on pages top to bottom before anything is drawn, so the total page count is known
/// for "page N of M". A block that does not fit starts a new page; a table continues on the next
/// page with its header repeated.
/// </summary>
public sealed class PdfLayout(PdfStyle style)
{
    private readonly List<List<(PdfBlock Block, float Y)>> _pages = [[]];
    private float _y = PdfStyle.Margin;

    public IReadOnlyList<IReadOnlyList<(PdfBlock Block, float Y)>> Pages => _pages;

    private bool PageIsEmpty => _pages[^1].Count == 0;

    public PdfLayout Add(PdfBlock block)
    {
        switch (block)
        {
            case PageBreak:
                NewPage();
                break;
            case TableBlock table:
                AddTable(table.Table);
                break;
            default:
                var height = block.Height(style);
                if (_y + height > PdfStyle.ContentBottom && !PageIsEmpty)
                {
                    NewPage();
                }

                Place(block, height);
                break;
        }

        return this;
    }

    private void AddTable(ReportTable table)
    {
        var next = 0;
        do
        {
            var room = (int)((PdfStyle.ContentBottom - _y - TableBlock.TitleHeight - TableBlock.HeaderHeight(table, style)) / TableBlock.RowHeight);
            var left = table.Rows.Count - next;
            // Never leave a table's header alone at the bottom of a page with one or two rows under it.
            if (room < Math.Min(3, Math.Max(left, 1)) && !PageIsEmpty)
            {
                NewPage();
                continue;
            }

            var count = Math.Clamp(room, 1, Math.Max(left, 1));
            count = Math.Min(count, left);
            var slice = new TableBlock(table, next, count, next > 0);
            Place(slice, slice.Height(style));
            next += count;
            if (next < table.Rows.Count)
            {
                NewPage();
            }
        }
        while (next < table.Rows.Count);
    }

    private void Place(PdfBlock block, float height)
    {
        _pages[^1].Add((block, _y));
        _y += height + PdfStyle.Gap;
    }

    private void NewPage()
    {
        if (!PageIsEmpty)
        {
            _pages.Add([]);
        }

        _y = PdfStyle.Margin;
    }
}
