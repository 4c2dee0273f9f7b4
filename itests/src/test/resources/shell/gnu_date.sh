# date as GNU date: -d forms, -u, -I, -R, the conversions and their flags (in UTC)
date -u -d @0 +%c
date -u -d @86400 '+%F %T %A %B %e %k %l %I %p %y %C %u %w %D %R %h %z %:z %j %s'
date -u -d '2020-01-02 03:04:05' +%s
date -u -d '2020-02-30' 2>/dev/null; echo "st $?"
date -u -R -d @0; date -u -I -d @0; date -u -Iseconds -d @0; date -u -d @0 +'%c|%x|%X|%r|%N|%P'
date -u -d '2020-01-31 +1 month' +%F; date -u -d '2020-01-01 3 days ago' +%F; date -u -d '2021-03-01T10:20' '+%F %T'
date -u -d '2020-01-01 +2 weeks +3 hours' '+%F %T'; date -u -d '@1577934245.5' +%s; date -u -d '12:30' +%H:%M
date -u -d @0 '+%-d|%-m|%_H|%-I|%e|%-e'; date -u -d 'bogus' 2>/dev/null; echo "st $?"
date -u -d '2020-01-01' -u +%s; date -u -d '1969-12-31 23:59:59' +%s; date -u -d '2000-02-29' +%A
date -u --date=@100 +%s; date -u -d @0 --iso-8601=minutes
