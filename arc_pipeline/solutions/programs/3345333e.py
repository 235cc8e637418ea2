# A left-right symmetric shape is partly covered by a solid rectangle of another colour. Remove
# the rectangle and restore the hidden part of the shape by mirror symmetry.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the shape is mirror symmetric left-right
def solve(I):
    bg = most_common_color(I)
    groups = objects_by_color(I, bg)
    cover = first(keep_if(groups, is_rectangle))
    shape_obj = first(drop_if(groups, is_rectangle))
    restored = complete_mirror_symmetry(shape_obj, object_cells(cover))
    O = paint_object(make_grid(bg, height(I), width(I)), restored)
    return O
