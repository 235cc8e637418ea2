# Grey (5) lines split the grid into 3x3 rooms with one coloured centre cell. Each room is filled
# entirely with the centre colour plus five (1->6, 2->7, 3->8, 4->9).
# colour-semantic: each room's colour is its centre colour plus five (1->6, 2->7, 3->8, 4->9), on grey (5) walls
def solve(I):
    centers = drop_if(find_objects(I, True, False, 0), chain(object_color, fix_second(equals, 5)))
    around = (
        (-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1),
    )
    rooms = map_items(fix_second(shift_copies, around), centers)
    filled = paint_objects(I, rooms)
    O = map_colors(filled, ((1, 6), (2, 7), (3, 8), (4, 9)))
    return O
