# A 3x3 diagonal cross (X) of one colour has a shape of another colour at one corner. Mirror the
# shape across the X's centre row and column so copies sit at all four corners of the X.
def solve(I):
    bg = most_common_color(I)
    layers = objects_by_color(I, bg)
    mark = add(bg, 1)
    x_form = map_colors(((1, 0, 1), (0, 1, 0), (1, 0, 1)), ((0, bg), (1, mark)))
    form_of = chain(fix_second(recolor_object, mark), fix_second(object_to_grid, bg))
    is_cross = chain(form_of, fix_second(equals, x_form))
    cross = first(keep_if(layers, is_cross))
    figure = first(drop_if(layers, is_cross))
    center = object_center(cross)
    r = first(center)
    c = last(center)
    up = subtract(r, 1)
    down = add(r, 1)
    left = subtract(c, 1)
    right = add(c, 1)
    across_cols = reflect_object_across(figure, ((r, left), (r, right)))
    across_rows = reflect_object_across(figure, ((up, c), (down, c)))
    across_both = reflect_object_across(figure, ((up, left), (down, right)))
    O = paint_objects(I, (across_cols, across_rows, across_both))
    return O
