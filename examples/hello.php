<?php
// Run with: ./bin/phpts examples/hello.php
echo "Hello from phpts: PHP ", PHP_VERSION, " on Node.js\n";
