# A triangle-like shape has one odd-coloured cell in the middle of its base; from that cell a line
# of the odd colour shoots out through the shape's tip to the grid edge, over background only.
def solve(I):
    bg = most_common_color(I)
    shape_obj = first(find_objects(I, False, False, bg))
    odd_color = least_common_color(I)
    start = first(sort_by(cells_of_color(I, odd_color), identity))
    step = direction_toward(start, object_center(shape_obj))
    ray = draw_ray(make_grid(bg, height(I), width(I)), first(start), last(start), first(step), last(step), odd_color)
    O = overlay(ray, I, bg)
    return O
