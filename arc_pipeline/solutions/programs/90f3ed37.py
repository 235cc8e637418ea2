# The topmost figure is complete; the figures below it are unfinished copies. Slide the complete
# figure (top rows aligned, shifted sideways to match each copy best, preferring the larger shift on
# ties) over each copy and fill the cells it covers that the copy is missing with blue.
# colour-semantic: keep 1: the missing cells are filled with blue, a colour the input does not use
# orientation-semantic: the complete figure is the topmost one; copies are matched by sideways shifts, ties going to the larger (rightward) shift
def solve(I):
    bg = most_common_color(I)
    figures = find_objects(I, True, True, bg)
    template = first(figures)
    copies = drop_if(figures, fix_second(equals, template))
    offsets = map_items(last, sort_by(all_cells(select_rows(I, 0, 1)), identity))
    columns = reverse_items(map_items(fix_first(add, object_left(template)), offsets))
    positions = chain(chain(object_top, fix_first(fix_first, pair)), fix_second(map_items, columns))
    candidates = chain(positions, fix_first(map_items, fix_first(place_object_at, template)))
    overlap = chain(chain(chain(object_cells, fix_first(fix_first, intersection)), fix_second(chain, count)), fix_first(chain, object_cells))
    best = fork(max_by, candidates, overlap)
    missing = fork(difference, chain(best, object_cells), object_cells)
    O = paint_cells_on_background(I, merge(map_items(missing, copies)), 1, bg)
    return O
