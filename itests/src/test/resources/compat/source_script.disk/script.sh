echo from the script
pwd
