package election

import (
	"fmt"
	"time"
)

// Written writes d as administrative documents do (Decree 30/2020/NĐ-CP,
// thể thức văn bản): "ngày 19 tháng 4 năm 2026", with a leading zero on
// days below 10 and on months 1 and 2 ("ngày 05 tháng 02 năm 2026").
func (d Date) Written() string {
	y, m, day := d.Time().Date()
	month := fmt.Sprint(int(m))
	if m <= time.February {
		month = fmt.Sprintf("%02d", int(m))
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", day, month, y)
}
