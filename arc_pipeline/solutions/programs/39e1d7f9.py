# Grid lines divide the picture into equal cells. One cell pattern (a centre colour with coloured
# neighbouring cells) is the template; every other lone cell of the centre colour gets the same
# surrounding cells, at the cell level.
def solve(I):
    lines = largest_object(find_objects(I, True, False, -1))
    line_color = object_color(lines)
    bands = first(line_section_counts(I, line_color))
    size = floor_divide(add(subtract(height(I), bands), 1), bands)
    cells = downscale(I, add(size, 1))
    bg = most_common_color(cells)
    template = largest_object(find_objects(cells, False, True, bg))
    centre = object_center(template)
    centre_color = cell_color(cells, first(centre), last(centre))
    offset = subtract(centre, object_position(template))
    lone = sort_by(remove_cells(cells_of_color(cells, centre_color), template), identity)
    stamps = map_items(chain(fix_second(subtract, offset), fix_first(place_object_at, template)), lone)
    filled = paint_objects(cells, stamps)
    enlarged = crop(upscale(filled, add(size, 1)), 0, 0, height(I), width(I))
    O = overlay(enlarged, keep_only_color(I, line_color, bg), bg)
    return O
