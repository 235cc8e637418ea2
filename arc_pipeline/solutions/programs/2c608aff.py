# A big rectangle and scattered dots of one colour. Each dot lying in the rectangle's rows or
# columns shoots a line of its colour straight to the rectangle; other dots stay as they are.
def solve(I):
    background = most_common_color(I)
    dot_color = least_common_color(I)
    rect = largest_object(find_objects(I, True, False, background))
    G = replace_color(I, object_color(rect), dot_color)
    top = object_top(rect)
    stop = add(object_bottom(rect), 1)
    band = fill_row_spans(select_rows(G, top, stop), background)
    across = stack_vertical((select_rows(G, 0, top), band, select_rows(G, stop, height(G))))
    left = object_left(rect)
    end = add(object_right(rect), 1)
    column_band = transpose(fill_row_spans(transpose(select_columns(G, left, end)), background))
    down = stack_horizontal((select_columns(G, 0, left), column_band, select_columns(G, end, width(G))))
    joined = overlay(across, down, background)
    O = paint_object(joined, rect)
    return O
