/forever.peb | head -1
run /forever.peb | head -1
exec /forever.peb | head -1
