--TEST--
ReflectionFiber: callable, executing file and line, trace
--FILE--
<?php
// ReflectionFiber sees where a fiber is and the frames of its own stack
function wait_here(): void { Fiber::suspend(); }
$callable = function (string $arg): void {
    wait_here();
};
$fiber = new Fiber($callable);
$r = new ReflectionFiber($fiber);
var_dump($r->getFiber() === $fiber, $r->getCallable() === $callable);
try { $r->getTrace(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
$fiber->start('x');
var_dump(basename($r->getExecutingFile()), $r->getExecutingLine());
foreach ($r->getTrace() as $frame) {
    echo isset($frame['file']) ? basename($frame['file']) . ':' . $frame['line'] : '[internal]', ' ', $frame['class'] ?? '', $frame['type'] ?? '', $frame['function'], '(', implode(', ', $frame['args']), ")\n";
}
$fiber->resume();
try { $r->getExecutingLine(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
try { $r->getCallable(); } catch (Error $e) { echo $e->getMessage(), "\n"; }
--EXPECT--
bool(true)
bool(true)
Cannot fetch information from a fiber that has not been started or is terminated
string(14) "reflection.php"
int(3)
reflection.php:3 Fiber::suspend()
reflection.php:5 wait_here()
[internal] {closure}(x)
Cannot fetch information from a fiber that has not been started or is terminated
Cannot fetch the callable from a fiber that has terminated
