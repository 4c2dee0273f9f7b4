# tail -f prints what is appended to a file until it is killed
printf 'first\n' > log.txt
tail -f -s 0.2 log.txt > seen.txt &
sleep 1
printf 'second\nthird\n' >> log.txt
sleep 1
kill %1
wait
cat seen.txt
