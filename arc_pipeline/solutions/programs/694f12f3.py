# There are two solid yellow rectangles. Keep their one-cell outer rims yellow; fill the inside
# of the larger rectangle with red (2) and the inside of the smaller one with blue (1).
def solve(I):
    rectangles = find_objects(I, True, False, 0)
    big = largest_object(rectangles)
    small = smallest_object(rectangles)
    big_inside = difference(object_cells(big), object_border_cells(big))
    small_inside = difference(object_cells(small), object_border_cells(small))
    with_red = set_cells(I, big_inside, 2)
    O = set_cells(with_red, small_inside, 1)
    return O
