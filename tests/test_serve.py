"""The Voila command line `innerwork serve` builds."""
from innerwork.serve import voila_command


def test_room_sizes_the_pool_of_kernels_started_ahead_of_time():
    command = voila_command(8866, "127.0.0.1", False, True, 30)
    assert "--preheat_kernel=True" in command and "--pool_size=30" in command


def test_room_zero_starts_each_kernel_on_request():
    command = voila_command(8866, "127.0.0.1", False, True, 0)
    assert "--preheat_kernel=False" in command and "--preheat_kernel=True" not in command
