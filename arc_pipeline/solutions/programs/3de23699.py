# Four same-coloured dots mark the corners of a frame around a shape; output the area strictly
# inside the dots with the shape recoloured in the dots' colour.
def solve(I):
    bg = most_common_color(I)
    groups = objects_by_color(I, bg)
    corners = first(objects_of_size(groups, 4))
    framed = crop_to_object(I, corners)
    inside = crop(framed, 1, 1, subtract(height(framed), 2), subtract(width(framed), 2))
    O = keep_only_color(inside, bg, object_color(corners))
    return O
